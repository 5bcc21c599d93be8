import { sql, type Kysely } from 'kysely';
import { sortKey } from '../platform/text/sort-key.ts';

const BATCH = 1000;

/**
 * The teacher register sorts by name in pinyin order on the server (it is paged). PGlite has no
 * Chinese collation (see `platform/text/sort-key.ts`), so each teacher keeps `name_sort_key`, the
 * name's pinyin sort key computed in TypeScript, compared byte by byte (`COLLATE "C"`) on both
 * databases. Existing teachers get theirs here; the repository writes it with every name.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE teacher ADD COLUMN name_sort_key text COLLATE "C"`.execute(db);
  for (;;) {
    const { rows } = await sql<{ id: string; name: string }>`
      SELECT id, name FROM teacher WHERE name_sort_key IS NULL ORDER BY id LIMIT ${BATCH}`.execute(db);
    if (rows.length === 0) break;
    await sql`
      UPDATE teacher t SET name_sort_key = v.key
      FROM (SELECT unnest(${rows.map((r) => r.id)}::uuid[]) AS id,
                   unnest(${rows.map((r) => sortKey(r.name))}::text[]) AS key) v
      WHERE t.id = v.id`.execute(db);
  }
  await sql`ALTER TABLE teacher ALTER COLUMN name_sort_key SET NOT NULL`.execute(db);
}
