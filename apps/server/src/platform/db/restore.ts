import { createHash, type Hash } from 'node:crypto';
import { sql } from 'kysely';
import { ERROR_MESSAGES } from '@zhijiao/contracts';
import {
  backupError,
  checkGzipMagic,
  damaged,
  parseHeader,
  parseLine,
  readLines,
  type BackupHeader,
  type BackupSummary,
  type BackupTable,
} from './backup-file.ts';
import {
  appliedMigrations,
  readSchema,
  tablesWithRows,
  type AnyKysely,
  type AnyTransaction,
  type TableInfo,
} from './backup-schema.ts';
import { migrateUpTo } from './migrate.ts';
import { loadMigrations, loadReferenceTables } from './migrations-folder.ts';

/** Rows per INSERT, unless their JSON passes this many characters first. */
const INSERT_ROWS = 1000;
const INSERT_CHARS = 4 * 2 ** 20;

/**
 * Restores a backup into an empty database, all or nothing: the header's format is checked, a
 * target never migrated (or migrated less far than the backup) is first migrated to the backup's
 * level, the whole file is read once and checked, then in one transaction the rows are inserted table by table as the file is read, each
 * table's count and checksum verified, and the sequences set to continue after the restored rows.
 * Refused, with nothing written, when the target holds data, is at another migration level, or the
 * file is not a backup or is damaged. The caller migrates the result to this version's level.
 */
export async function restoreDatabase(database: AnyKysely, file: string): Promise<BackupSummary> {
  const db = database.withoutPlugins();
  checkGzipMagic(file);
  const lines = readLines(file);
  try {
    const header = parseHeader((await lines.next()).value ?? undefined);
    const known = Object.keys(await loadMigrations());
    const newer = header.migrations.filter((m) => !known.includes(m));
    if (newer.length > 0)
      throw backupError(
        'BACKUP_MIGRATION_MISMATCH',
        `备份由更新版本的职教平台写出（迁移 ${newer.join('、')}），请用该版本或更新的版本恢复`,
        `The backup was written by a newer version of Zhijiao (migrations ${newer.join(', ')}): restore it with that version or a newer one`,
      );
    const reference = await loadReferenceTables();
    await refuseUnlessEmpty(db, await readSchema(db), reference);
    const applied = await appliedMigrations(db);
    const last = header.migrations.at(-1);
    if (
      last &&
      applied.length < header.migrations.length &&
      applied.every((m, i) => header.migrations[i] === m)
    )
      await migrateUpTo(db, last);

    return await db.transaction().execute(async (trx) => {
      const schema = await readSchema(trx);
      if (schema.length > 0)
        await sql`LOCK TABLE ${sql.join(schema.map((t) => sql.table(t.name)))} IN EXCLUSIVE MODE`.execute(
          trx,
        );
      const level = await appliedMigrations(trx);
      const names = schema.map((t) => t.name);
      if (
        level.join() !== header.migrations.join() ||
        [...names].sort().join() !== [...header.tables].sort().join()
      )
        throw backupError(
          'BACKUP_MIGRATION_MISMATCH',
          `${ERROR_MESSAGES.BACKUP_MIGRATION_MISMATCH.zh}（备份为 ${last ?? '无'}，目标数据库为 ${level.at(-1) ?? '无'}）：请恢复到新建的空数据库，恢复时先将其迁移到备份的版本`,
          `${ERROR_MESSAGES.BACKUP_MIGRATION_MISMATCH.en} (the backup is at ${last ?? 'none'}, the target at ${level.at(-1) ?? 'none'}): restore into a new, empty database, which is first migrated to the backup's level`,
        );
      await refuseUnlessEmpty(trx, schema, reference);
      await verifyFile(schema, header, file);
      // Reference data the migrations loaded makes way for the backup's own copy of it.
      for (const table of [...schema].reverse())
        if (reference.includes(table.name)) await sql`DELETE FROM ${sql.table(table.name)}`.execute(trx);
      const tables = await restoreRows(trx, schema, header, lines);
      await continueSequences(trx, schema, header.sequences);
      const { format, createdAt, migrations } = header;
      return { format, createdAt, migrations, tables };
    });
  } finally {
    await lines.return(undefined);
  }
}

/** Refuses a target with rows in any table but the migrations' reference data. */
async function refuseUnlessEmpty(db: AnyKysely, schema: TableInfo[], reference: readonly string[]) {
  const filled = await tablesWithRows(
    db,
    schema.map((t) => t.name).filter((t) => !reference.includes(t)),
  );
  if (filled.length === 0) return;
  const some = filled.slice(0, 5).join(', ');
  throw backupError(
    'BACKUP_TARGET_NOT_EMPTY',
    `${ERROR_MESSAGES.BACKUP_TARGET_NOT_EMPTY.zh}（${filled.length} 张表有数据：${some}${filled.length > 5 ? ' 等' : ''}）。请使用新的 ZHIJIAO_DATA_DIR 或新建的 PostgreSQL 数据库`,
    `${ERROR_MESSAGES.BACKUP_TARGET_NOT_EMPTY.en} (${filled.length} tables hold rows: ${some}${filled.length > 5 ? ', …' : ''}). Use a new ZHIJIAO_DATA_DIR or a new PostgreSQL database`,
  );
}

/**
 * Reads the whole file once without writing, checking every table's count and checksum, so a
 * damaged file is reported as damaged wherever the damage lies and whatever the decompressor makes
 * of it (zlib versions differ: one stops at a flipped bit, another yields rows a column short,
 * which the database would refuse with its own message halfway through).
 */
async function verifyFile(schema: TableInfo[], header: BackupHeader, file: string) {
  const lines = readLines(file);
  try {
    await lines.next(); // the header, already read
    await restoreRows(null, schema, header, lines);
  } finally {
    await lines.return(undefined);
  }
}

interface OpenTable {
  table: TableInfo;
  hash: Hash;
  rows: number;
  batch: string[];
  chars: number;
}

/**
 * Inserts the rows as the lines come, table by table in the header's order, and checks each
 * table's count and checksum against its end line (format 1: against the header) once its rows
 * are in. Any mismatch, a table out of order or a file cut short throws inside the transaction.
 * Without a transaction it only reads and checks (`verifyFile`).
 */
async function restoreRows(
  trx: AnyTransaction | null,
  schema: TableInfo[],
  header: BackupHeader,
  lines: AsyncGenerator<string>,
): Promise<BackupTable[]> {
  const byName = new Map(schema.map((t) => [t.name, t]));
  const done: BackupTable[] = [];
  let next = 0;
  let current: OpenTable | null = null;

  const flush = async (t: OpenTable) => {
    if (t.batch.length === 0) return;
    if (!trx) {
      t.batch = [];
      t.chars = 0;
      return;
    }
    const columns = sql.join(t.table.columns.map((c) => sql.ref(c)));
    const name = sql.table(t.table.name);
    await sql`INSERT INTO ${name} (${columns}) ${t.table.identity ? sql`OVERRIDING SYSTEM VALUE` : sql``}
      SELECT ${columns} FROM json_populate_recordset(NULL::${name}, ${`[${t.batch.join(',')}]`}::json)`.execute(
      trx,
    );
    t.batch = [];
    t.chars = 0;
  };
  const open = (name: string): OpenTable => {
    // Format 1 wrote no line for an empty table: the tables skipped to reach this one are closed empty.
    while (next < header.tables.length && header.tables[next] !== name) {
      if (!header.expected) throw damaged(`表 ${name} 的数据位置不对`, `rows of table ${name} out of order`);
      check({ name: header.tables[next]!, rows: 0, sha256: createHash('sha256').digest('hex') });
    }
    if (next === header.tables.length)
      throw damaged(
        `表 ${name} 不在文件头中或位置不对`,
        `rows of table ${name}, not in the header or out of order`,
      );
    return { table: byName.get(name)!, hash: createHash('sha256'), rows: 0, batch: [], chars: 0 };
  };
  const check = (got: BackupTable, expected = header.expected?.get(got.name)) => {
    if (
      !expected ||
      expected.name !== got.name ||
      expected.rows !== got.rows ||
      expected.sha256 !== got.sha256
    )
      throw damaged(`表 ${got.name} 的行数或校验和不符`, `table ${got.name} fails its row count or checksum`);
    done.push(got);
    next++;
  };
  const close = async (t: OpenTable, expected?: BackupTable) => {
    await flush(t);
    check({ name: t.table.name, rows: t.rows, sha256: t.hash.digest('hex') }, expected);
  };

  for await (const text of lines) {
    if (text === '') continue;
    const line = parseLine(text);
    if (line.kind === 'row') {
      if (current?.table.name !== line.table) {
        if (current && !header.expected)
          throw damaged(`表 ${current.table.name} 缺少结束行`, `table ${current.table.name} has no end line`);
        if (current) await close(current);
        current = open(line.table);
      }
      current.hash.update(text).update('\n');
      current.rows++;
      current.batch.push(line.row);
      current.chars += line.row.length;
      if (current.batch.length >= INSERT_ROWS || current.chars >= INSERT_CHARS) await flush(current);
    } else if (line.kind === 'end' && !header.expected) {
      if (current && current.table.name !== line.table.name)
        throw damaged(`表 ${current.table.name} 缺少结束行`, `table ${current.table.name} has no end line`);
      // An empty table has its end line and no rows.
      await close(current ?? open(line.table.name), line.table);
      current = null;
    } else throw damaged('有无法识别的行', 'a line is neither a row nor the end of a table');
  }
  if (current) {
    if (!header.expected)
      throw damaged(`表 ${current.table.name} 缺少结束行`, `table ${current.table.name} has no end line`);
    await close(current);
  }
  while (next < header.tables.length) {
    if (!header.expected)
      throw damaged(
        `文件在表 ${header.tables[next]} 之前中断`,
        `the file ends before table ${header.tables[next]}`,
      );
    check({ name: header.tables[next]!, rows: 0, sha256: createHash('sha256').digest('hex') });
  }
  return done;
}

/** Sets every owned sequence to continue after the restored rows (and no lower than it stood at the backup). */
async function continueSequences(trx: AnyTransaction, schema: TableInfo[], saved: Record<string, number>) {
  for (const table of schema)
    for (const { column, sequence } of table.sequences) {
      const at = saved[`${table.name}.${column}`] ?? 1;
      await sql`SELECT setval(${sequence}::regclass, greatest(coalesce((SELECT max(${sql.ref(column)})
        FROM ${sql.table(table.name)}), 0) + 1, ${at}::bigint), false)`.execute(trx);
    }
}
