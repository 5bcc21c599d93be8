import { sql, type Kysely } from 'kysely';
import { keyedRowDigest } from '../platform/crypto/import-row-hash.ts';
import type { MigrationContext } from '../platform/db/migrations-folder.ts';

const BATCH = 1000;

/**
 * The imports' row hashes become keyed (`platform/crypto/import-row-hash.ts`): a plain sha256 of a
 * teacher's or a candidate's file row let a dump check guesses of the ID number and phone hidden
 * behind their masks. A stored hash is replaced by the MAC of itself, which is exactly what the
 * import now computes for the same row, so a re-import still finds unchanged rows unchanged.
 * Needs the field key when there are rows, and refuses one that does not decrypt their ID numbers
 * (in the migrations' one transaction: all or nothing).
 */
export async function up(db: Kysely<unknown>, context: MigrationContext): Promise<void> {
  for (const table of ['teacher', 'enrollment_candidate'] as const) {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const { rows } = await sql<{ id: string; hash: string; cipher: string }>`
        SELECT id, row_hash AS hash, id_cipher AS cipher FROM ${sql.table(table)}
        WHERE id > ${after}::uuid AND row_hash <> '' ORDER BY id LIMIT ${BATCH}`.execute(db);
      if (rows.length === 0) break;
      const crypto = context.crypto;
      if (!crypto)
        throw new Error(
          '0030 needs the field key to key the imports’ row hashes: migrate with the server’s key (ZHIJIAO_SECRET_KEY, ZHIJIAO_SECRET_KEY_FILE or secret.key in the data directory) / 需要字段加密密钥以处理导入行摘要',
        );
      // The key must be the one the rows were written with (their ID numbers decrypt under it):
      // under another, every later re-import would see changed rows (and a placed candidate's
      // row refused as changed).
      try {
        crypto.decrypt(rows[0]!.cipher);
      } catch {
        throw new Error(
          '0030: the field key given does not decrypt the stored ID numbers: migrate with the key the server has used / 所给密钥无法解密已存身份证号，请使用服务器一直使用的密钥',
        );
      }
      await sql`
        UPDATE ${sql.table(table)} t SET row_hash = v.hash
        FROM (SELECT unnest(${rows.map((r) => r.id)}::uuid[]) AS id,
                     unnest(${rows.map((r) => keyedRowDigest(crypto, r.hash))}::text[]) AS hash) v
        WHERE t.id = v.id`.execute(db);
      after = rows[rows.length - 1]!.id;
    }
  }
}
