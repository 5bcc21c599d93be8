import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { up as encryptBirthDates } from '../../migrations/0026-teacher-birth-date-encrypted.ts';
import { createFieldCrypto } from '../../platform/crypto/field-crypto.ts';
import { migrateToLatest, migrateUpTo } from '../../platform/db/migrate.ts';
import { createEmptyDatabase, type TestDatabase } from '../../test/test-db.ts';

const BEFORE = '0025-teacher-name-sort-key';
const MIGRATION = '0026-teacher-birth-date-encrypted';
/** More teachers than the migration's batch of 1000, with a 29 February and a 31 December among them. */
const BIRTHS = Array.from({ length: 1003 }, (_, i) =>
  new Date(Date.UTC(1960, 0, 1) + i * 13 * 86_400_000).toISOString().slice(0, 10),
);
BIRTHS[0] = '1980-02-29';
BIRTHS[1] = '1975-12-31';

const applied = async (db: Kysely<unknown>) =>
  (await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(db)).rows.map(
    (r) => r.name,
  );
const hasClearColumn = async (db: Kysely<unknown>) =>
  (
    await sql<{ n: number }>`SELECT count(*)::int AS n FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = 'teacher' AND column_name = 'birth_date'`.execute(
      db,
    )
  ).rows[0]!.n > 0;

describe('migration 0026: the teachers’ clear birth dates encrypted with the field key', () => {
  let database: TestDatabase;
  let db: Kysely<unknown>;
  const crypto = createFieldCrypto(randomBytes(32));

  beforeAll(async () => {
    database = await createEmptyDatabase();
    db = database.db as unknown as Kysely<unknown>;
    await migrateUpTo(db, BEFORE);
    const { rows } = await sql<{ id: string }>`
      INSERT INTO org_unit (code, name, full_name, type) VALUES ('SD', '上党区', '长治市上党区', 'district')
      RETURNING id`.execute(db);
    const unit = rows[0]!.id;
    // A database as 0025 left it: the birth date in clear beside the masked ID.
    await sql`
      INSERT INTO teacher (school_id, district_id, name, name_sort_key, id_cipher, id_index, id_masked, sex,
        birth_date, education, professional_title, series, hire_date, created_at, updated_at)
      SELECT ${unit}::uuid, ${unit}::uuid, 'T' || n, 'T' || n, c, 'i' || n, '140404********0011', 'M',
        b, 'bachelor', 'intermediate', 'full_time', '2010-09-01', now(), now()
      FROM unnest(${BIRTHS}::date[], ${BIRTHS.map((b) => crypto.encrypt(`140404${b.replaceAll('-', '')}0011`))}::text[])
        WITH ORDINALITY AS v(b, c, n)`.execute(db);
  }, 180_000);
  afterAll(() => database?.close());

  it('refuses to run without the key, or with a key that does not open the ID numbers, and changes nothing', async () => {
    await expect(migrateToLatest(db)).rejects.toThrow(/0026.*field key/);
    const another = createFieldCrypto(randomBytes(32));
    await expect(migrateToLatest(db, { crypto: another })).rejects.toThrow(/does not decrypt/);
    expect((await applied(db)).at(-1)).toBe(BEFORE);
    expect(await hasClearColumn(db)).toBe(true);
  });

  it('encrypts every birth date, keeps the birth year, drops the clear column; running it again changes nothing', async () => {
    expect(await migrateToLatest(db, { crypto })).toContain(MIGRATION);
    expect(await hasClearColumn(db)).toBe(false);
    const read = async () =>
      (
        await sql<{ name: string; cipher: string; year: number }>`
          SELECT name, birth_date_cipher AS cipher, birth_year AS year FROM teacher ORDER BY name`.execute(db)
      ).rows;
    const rows = await read();
    expect(rows).toHaveLength(BIRTHS.length);
    for (const r of rows) {
      const birth = BIRTHS[Number(r.name.slice(1)) - 1]!;
      expect(crypto.decrypt(r.cipher)).toBe(birth);
      expect(r.year).toBe(Number(birth.slice(0, 4)));
    }
    const dump = JSON.stringify((await sql`SELECT * FROM teacher`.execute(db)).rows);
    for (const birth of BIRTHS.slice(0, 50)) {
      expect(dump).not.toContain(birth);
      expect(dump).not.toContain(birth.replaceAll('-', ''));
    }

    await encryptBirthDates(db, { crypto: null });
    expect(await read()).toEqual(rows);
    expect(await migrateToLatest(db, { crypto })).toEqual([]);
  });
});
