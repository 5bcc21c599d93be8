import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { sql } from 'kysely';
import {
  BACKUP_FORMAT,
  endLine,
  headerLine,
  rowLine,
  type BackupSummary,
  type BackupTable,
} from './backup-file.ts';
import {
  appliedMigrations,
  readSchema,
  rowsQuery,
  type AnyKysely,
  type AnyTransaction,
  type TableInfo,
} from './backup-schema.ts';

export type { BackupSummary, BackupTable } from './backup-file.ts';

/** Rows per cursor fetch. */
const FETCH_ROWS = 1000;

/**
 * Writes every application table to one gzip file of JSON lines (see `backup-file.ts`), from one
 * consistent snapshot. Rows are read through a cursor and written through a gzip stream as they
 * come, so memory stays flat however large the district; the file appears (mode 0600) only once
 * complete and synced. Works alike on PostgreSQL and PGlite.
 *
 * @example const summary = await backupDatabase(db, 'var/backups/2026-11-29.jsonl.gz')
 */
export async function backupDatabase(database: AnyKysely, file: string): Promise<BackupSummary> {
  // Catalogue names and column names pass as the database spells them (no CamelCasePlugin).
  const db = database.withoutPlugins();
  const tmp = `${file}.tmp`;
  fs.rmSync(tmp, { force: true });
  const fd = fs.openSync(tmp, 'wx', 0o600);
  let open = true;
  try {
    const summary = await db
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute(async (trx) => {
        // Timestamps in UTC: the same data makes the same file, whichever server wrote it.
        await sql`SET LOCAL TimeZone = 'UTC'`.execute(trx);
        const schema = await readSchema(trx);
        const summary: BackupSummary = {
          format: BACKUP_FORMAT,
          createdAt: new Date().toISOString(),
          migrations: await appliedMigrations(trx),
          tables: [],
        };
        const sequences = await sequenceValues(trx, schema);
        await pipeline(
          backupLines(trx, schema, summary, sequences),
          zlib.createGzip(),
          fs.createWriteStream(tmp, { fd, autoClose: false }),
        );
        return summary;
      });
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    open = false;
    fs.renameSync(tmp, file);
    return summary;
  } catch (error) {
    if (open) fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw error;
  }
}

/** The file's text: the header, then each table's rows in batches and its end line. */
async function* backupLines(
  trx: AnyTransaction,
  schema: TableInfo[],
  summary: BackupSummary,
  sequences: Record<string, number>,
): AsyncGenerator<string> {
  const { createdAt, migrations } = summary;
  yield `${headerLine({ createdAt, migrations, tables: schema.map((t) => t.name), sequences })}\n`;
  for (const table of schema) {
    const hash = createHash('sha256');
    let rows = 0;
    await sql`DECLARE zj_backup NO SCROLL CURSOR FOR ${rowsQuery(table)}`.execute(trx);
    for (;;) {
      const batch = (
        await sql<{ row: string }>`FETCH FORWARD ${sql.lit(FETCH_ROWS)} FROM zj_backup`.execute(trx)
      ).rows;
      if (batch.length === 0) break;
      let chunk = '';
      for (const { row } of batch) {
        const line = rowLine(table.name, row);
        hash.update(line).update('\n');
        chunk += `${line}\n`;
      }
      rows += batch.length;
      yield chunk;
    }
    await sql`CLOSE zj_backup`.execute(trx);
    if (table.parent) {
      const { rows: count } = await sql<{
        n: number;
      }>`SELECT count(*)::int AS n FROM ${sql.table(table.name)}`.execute(trx);
      if (count[0]!.n !== rows)
        throw new Error(`Table ${table.name} has rows in a cycle of references to itself: cannot order them`);
    }
    const written: BackupTable = { name: table.name, rows, sha256: hash.digest('hex') };
    summary.tables.push(written);
    yield `${endLine(written)}\n`;
  }
}

/** Each owned sequence's next value, `table.column` → n. */
async function sequenceValues(trx: AnyTransaction, schema: TableInfo[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of schema)
    for (const { column, sequence } of table.sequences) {
      const { rows } = await sql<{ next: string }>`SELECT (CASE WHEN is_called THEN last_value + 1
        ELSE last_value END)::text AS next FROM ${sql.raw(sequence)}`.execute(trx);
      out[`${table.name}.${column}`] = Number(rows[0]!.next);
    }
  return out;
}
