import { sql, type Kysely } from 'kysely';
import { keyForStoredRows } from '../platform/db/migration-key.ts';
import type { MigrationContext } from '../platform/db/migrations-folder.ts';

const BATCH = 1000;
const STEP = { migration: '0026', zh: '加密教师出生日期', en: 'encrypt the teachers’ birth dates' };

/**
 * A teacher's birth date is kept only encrypted. The masked ID number (`id_masked`, first 6 and
 * last 4 digits) hides exactly digits 7–14, which are the birth date: a clear `birth_date` beside
 * it gave every ID number back from a dump. What stays in clear is `birth_year` (the list's age and
 * its sort read it): it gives 4 of the 8 hidden digits, and about 33 birth dates of that year still
 * fit the check digit (docs/security.md). The rules that need the day (hire at 16 or older)
 * decrypt `birth_date_cipher` or read it from the ID number.
 *
 * Existing rows are encrypted here with the field key the migrator is given (`context.crypto`,
 * from `platform/crypto/field-key.ts` at start-up and in `zhijiao migrate`/`restore`), in the migrations' one
 * transaction: either every birth date is encrypted and the clear column dropped, or nothing
 * changes. Without a key it runs only on a database with no teacher (a new one); with a key that
 * does not decrypt the teachers' ID numbers (not the one the server has used) it refuses. Each step
 * checks what is already there, so running it again finds nothing left to do.
 */
/** The clear birth dates stay in the table's pages after the drop: the migrator rewrites it. */
export const personalDataRemovedFrom = ['teacher'];

export async function up(db: Kysely<unknown>, context: MigrationContext): Promise<void> {
  await sql`
    ALTER TABLE teacher
      ADD COLUMN IF NOT EXISTS birth_date_cipher text,
      ADD COLUMN IF NOT EXISTS birth_year smallint CHECK (birth_year BETWEEN 1880 AND 2200)`.execute(db);
  const { rows: clear } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM information_schema.columns
    WHERE table_schema = current_schema() AND table_name = 'teacher' AND column_name = 'birth_date'`.execute(
    db,
  );
  if (clear[0]!.n > 0) {
    for (;;) {
      const { rows } = await sql<{ id: string; cipher: string; birth: string }>`
        SELECT id, id_cipher AS cipher, to_char(birth_date, 'YYYY-MM-DD') AS birth FROM teacher
        WHERE birth_date_cipher IS NULL ORDER BY id LIMIT ${BATCH}`.execute(db);
      if (rows.length === 0) break;
      // The key must be the one the ID numbers were encrypted with: a birth date encrypted under
      // another (a key file made afresh where the real one was not configured) could not be read.
      const crypto = keyForStoredRows(
        context,
        STEP,
        rows.map((r) => r.cipher),
      );
      await sql`
        UPDATE teacher t SET birth_date_cipher = v.cipher, birth_year = v.year
        FROM (SELECT unnest(${rows.map((r) => r.id)}::uuid[]) AS id,
                     unnest(${rows.map((r) => crypto.encrypt(r.birth))}::text[]) AS cipher,
                     unnest(${rows.map((r) => Number(r.birth.slice(0, 4)))}::smallint[]) AS year) v
        WHERE t.id = v.id`.execute(db);
    }
    await sql`ALTER TABLE teacher DROP COLUMN birth_date`.execute(db);
  }
  await sql`
    ALTER TABLE teacher
      ALTER COLUMN birth_date_cipher SET NOT NULL,
      ALTER COLUMN birth_year SET NOT NULL`.execute(db);
}
