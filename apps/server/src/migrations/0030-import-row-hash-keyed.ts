import { sql, type Kysely } from 'kysely';
import { keyedRowDigest } from '../platform/crypto/import-row-hash.ts';
import { keyForStoredRows } from '../platform/db/migration-key.ts';
import type { MigrationContext } from '../platform/db/migrations-folder.ts';

const BATCH = 1000;
const STEP = { migration: '0030', zh: '处理导入行摘要', en: 'key the imports’ row hashes' };

/**
 * The imports' row hashes become keyed (`platform/crypto/import-row-hash.ts`): a plain sha256 of a
 * teacher's or a candidate's file row let a dump check guesses of the ID number and phone hidden
 * behind their masks. A stored hash is replaced by the MAC of itself, which is exactly what the
 * import now computes for the same row, so a re-import still finds unchanged rows unchanged.
 * Needs the field key when there are rows, and refuses one that does not decrypt every one of their ID numbers
 * (in the migrations' one transaction: all or nothing).
 */
/** The plain hashes stay in the old row versions after the update: the migrator rewrites both tables. */
export const personalDataRemovedFrom = ['teacher', 'enrollment_candidate'];

export async function up(db: Kysely<unknown>, context: MigrationContext): Promise<void> {
  for (const table of ['teacher', 'enrollment_candidate'] as const) {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const { rows } = await sql<{ id: string; hash: string; cipher: string }>`
        SELECT id, row_hash AS hash, id_cipher AS cipher FROM ${sql.table(table)}
        WHERE id > ${after}::uuid AND row_hash <> '' ORDER BY id LIMIT ${BATCH}`.execute(db);
      if (rows.length === 0) break;
      // The key must be the one the rows were written with (their ID numbers decrypt under it):
      // under another, every later re-import would see changed rows (and a placed candidate's
      // row refused as changed).
      const crypto = keyForStoredRows(
        context,
        STEP,
        rows.map((r) => r.cipher),
      );
      await sql`
        UPDATE ${sql.table(table)} t SET row_hash = v.hash
        FROM (SELECT unnest(${rows.map((r) => r.id)}::uuid[]) AS id,
                     unnest(${rows.map((r) => keyedRowDigest(crypto, r.hash))}::text[]) AS hash) v
        WHERE t.id = v.id`.execute(db);
      after = rows[rows.length - 1]!.id;
    }
  }
}
