import { createHash } from 'node:crypto';
import fs from 'node:fs';
import readline from 'node:readline';
import zlib from 'node:zlib';
import { sql, type Kysely } from 'kysely';
import { loadMigrations } from './migrations-folder.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- works on any schema
type AnyKysely = Kysely<any>;

const FORMAT = 'zhijiao-backup/1';
const BATCH = 1000;

interface Header {
  format: string;
  createdAt: string;
  migrations: string[];
  tables: Array<{ name: string; rows: number; sha256: string }>;
}

/** Application tables in an order where every table comes after the tables it references. */
export async function tablesInDependencyOrder(db: AnyKysely): Promise<string[]> {
  const tables = (
    await sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'kysely_%' ORDER BY table_name`.execute(
      db,
    )
  ).rows.map((r) => r.name);
  const deps = (
    await sql<{
      child: string;
      parent: string;
    }>`SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
      FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE c.contype = 'f' AND n.nspname = 'public'`.execute(
      db,
    )
  ).rows;
  const ordered: string[] = [];
  const remaining = new Set(tables);
  while (remaining.size > 0) {
    const ready = [...remaining].filter((t) =>
      deps.every((d) => d.child !== t || d.parent === t || !remaining.has(d.parent)),
    );
    if (ready.length === 0) throw new Error('Cyclic foreign keys between tables');
    for (const t of ready.sort()) {
      ordered.push(t);
      remaining.delete(t);
    }
  }
  return ordered;
}

async function tableRows(db: AnyKysely, table: string): Promise<unknown[]> {
  // Self-referencing org units: parents before children, so a restore never meets a missing parent.
  if (table === 'org_unit') {
    return (
      await sql`WITH RECURSIVE t AS (SELECT o.*, 0 AS depth FROM org_unit o WHERE parent_id IS NULL
        UNION ALL SELECT o.*, t.depth + 1 FROM org_unit o JOIN t ON o.parent_id = t.id)
        SELECT to_jsonb(t) - 'depth' AS row FROM t ORDER BY depth, code`.execute(db)
    ).rows.map((r) => (r as { row: unknown }).row);
  }
  const pk = table === 'audit_log' ? 'seq' : '1';
  return (
    await sql`SELECT to_jsonb(x) AS row FROM ${sql.table(table)} x ORDER BY ${sql.raw(pk)}`.execute(db)
  ).rows.map((r) => (r as { row: unknown }).row);
}

/**
 * Writes every application table to one gzip file of JSON lines (a header, then one line per
 * row), with a row count and a SHA-256 per table. Works alike on PostgreSQL and PGlite.
 */
export async function backupDatabase(database: AnyKysely, file: string): Promise<Header> {
  // Rows are read as jsonb with their column names; a CamelCasePlugin would rename the nested keys
  // (prev_hash → prevHash) and the restore would fill those columns with nulls.
  const db = database.withoutPlugins();
  const tables = await tablesInDependencyOrder(db);
  const header: Header = {
    format: FORMAT,
    createdAt: new Date().toISOString(),
    migrations: Object.keys(await loadMigrations()),
    tables: [],
  };
  const lines: string[] = [];
  await db.transaction().execute(async (trx) => {
    await sql`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ`.execute(trx).catch(() => undefined);
    for (const table of tables) {
      const hash = createHash('sha256');
      const rows = await tableRows(trx, table);
      for (const row of rows) {
        const line = JSON.stringify({ t: table, r: row });
        hash.update(line).update('\n');
        lines.push(line);
      }
      header.tables.push({ name: table, rows: rows.length, sha256: hash.digest('hex') });
    }
  });
  const tmp = `${file}.tmp`;
  const gz = zlib.gzipSync(Buffer.from([JSON.stringify(header), ...lines].join('\n') + '\n'));
  fs.writeFileSync(tmp, gz, { mode: 0o600 });
  fs.renameSync(tmp, file);
  return header;
}

/**
 * Replaces the whole database content with a backup, in one transaction: checksums are verified
 * before anything is written, and a failure leaves the database as it was.
 */
export async function restoreDatabase(db: AnyKysely, file: string): Promise<Header> {
  const source = fs.createReadStream(file);
  const input = source.pipe(zlib.createGunzip());
  // A gzip error reaches the loop through readline; after an early exit (a line that is not JSON)
  // nothing listens any more, and an unhandled 'error' event would crash the process.
  input.on('error', () => undefined);
  const rl = readline.createInterface({ input, crlfDelay: Infinity });
  let header: Header | null = null;
  const byTable = new Map<string, unknown[]>();
  const hashes = new Map<string, ReturnType<typeof createHash>>();
  try {
    for await (const line of rl) {
      if (!line) continue;
      if (!header) {
        header = JSON.parse(line) as Header;
        if (header.format !== FORMAT) throw new Error(`Not a Zhijiao backup (format ${header.format})`);
        continue;
      }
      const { t, r } = JSON.parse(line) as { t: string; r: unknown };
      (byTable.get(t) ?? byTable.set(t, []).get(t)!).push(r);
      (hashes.get(t) ?? hashes.set(t, createHash('sha256')).get(t)!).update(line).update('\n');
    }
  } finally {
    rl.close();
    source.destroy();
    input.destroy();
  }
  if (!header) throw new Error('Empty backup file');
  const known = Object.keys(await loadMigrations());
  const unknownMigrations = header.migrations.filter((m) => !known.includes(m));
  if (unknownMigrations.length > 0)
    throw new Error(`The backup is from a newer version (migrations ${unknownMigrations.join(', ')})`);
  for (const t of header.tables) {
    const got = hashes.get(t.name)?.digest('hex') ?? createHash('sha256').digest('hex');
    if ((byTable.get(t.name)?.length ?? 0) !== t.rows || got !== t.sha256)
      throw new Error(`Backup table ${t.name} fails its checksum`);
  }
  const tables = await tablesInDependencyOrder(db);
  await db.transaction().execute(async (trx) => {
    await sql`ALTER TABLE audit_log DISABLE TRIGGER USER`.execute(trx);
    await sql`TRUNCATE ${sql.join(tables.map((t) => sql.table(t)))} CASCADE`.execute(trx);
    for (const table of tables) {
      const rows = byTable.get(table) ?? [];
      for (let i = 0; i < rows.length; i += BATCH) {
        const chunk = JSON.stringify(rows.slice(i, i + BATCH));
        await sql`INSERT INTO ${sql.table(table)} SELECT * FROM json_populate_recordset(null::${sql.table(table)}, ${chunk}::json)`.execute(
          trx,
        );
      }
    }
    await sql`ALTER TABLE audit_log ENABLE TRIGGER USER`.execute(trx);
  });
  return header;
}
