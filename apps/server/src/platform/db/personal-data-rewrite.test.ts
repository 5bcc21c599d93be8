import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmptyDatabase, type TestDatabase } from '../../test/test-db.ts';
import { createFieldCrypto, type FieldCrypto } from '../crypto/field-crypto.ts';
import { migrateToLatest, migrateUpTo } from './migrate.ts';
import { loadMigrations } from './migrations-folder.ts';

const BEFORE = '0025-teacher-name-sort-key';
/**
 * Birth dates from 1960 on, 50 days apart, all before 2000: each is stored as a 4-byte day number
 * before 0026, negative, so its two high bytes are 0xFF (a small positive number's 00 00 is too
 * common in a page to look for).
 */
const BIRTHS = Array.from({ length: 200 }, (_, i) =>
  new Date(Date.UTC(1960, 0, 1) + i * 50 * 86_400_000).toISOString().slice(0, 10),
);
/** How PostgreSQL stores a date on disk: int32 days since 2000-01-01, little-endian here. */
const onDisk = (date: string) => {
  const bytes = Buffer.alloc(4);
  bytes.writeInt32LE(Math.round((Date.parse(date) - Date.UTC(2000, 0, 1)) / 86_400_000));
  return bytes;
};

/**
 * Dropping a column leaves its values in the table's pages (in every row, live or dead) until the
 * table is rewritten: a migration that removes personal data in clear declares its tables
 * (`personalDataRemovedFrom`) and the migrator rewrites them (`VACUUM FULL`) once it has committed.
 */
describe.each([
  {
    path: 'a database migrated from 0025 to the end',
    migrated: '0026-teacher-birth-date-encrypted',
    before: async () => {},
  },
  {
    path: 'an installation that applied 0026–0030 before the migrator rewrote tables (0031)',
    migrated: '0031-rewrite-tables-that-held-personal-data',
    // 0026–0030 as the migrator of the last version applied them: their `up` only, no rewrite.
    before: async (db: Kysely<unknown>, crypto: FieldCrypto) => {
      const migrations = await loadMigrations();
      for (const name of Object.keys(migrations).filter((n) => n > BEFORE && n < '0031')) {
        await migrations[name]!.up(db, { crypto });
        await sql`INSERT INTO kysely_migration (name, timestamp) VALUES (${name}, ${new Date().toISOString()})`.execute(
          db,
        );
      }
    },
  },
])(
  'a migration that removes personal data in clear leaves none in the table’s file: $path',
  ({ migrated, before: applyOld }) => {
    let database: TestDatabase;
    let db: Kysely<unknown>;
    const crypto = createFieldCrypto(randomBytes(32));

    /** The teacher table's file as the server wrote it (after a checkpoint), or null when out of reach. */
    async function tableFile(): Promise<{ node: string; path: string; bytes: Buffer | null }> {
      await sql`CHECKPOINT`.execute(db);
      const { rows } = await sql<{ file: string }>`SELECT pg_relation_filepath('teacher') AS file`.execute(
        db,
      );
      const file = rows[0]!.file;
      const root = database.url
        ? (await sql<{ dir: string }>`SELECT current_setting('data_directory') AS dir`.execute(db)).rows[0]!
            .dir
        : path.join(database.dataDir, 'pgdata');
      // PostgreSQL on another machine (ZHIJIAO_TEST_PG_URL): its files cannot be read from here.
      let bytes: Buffer | null = null;
      try {
        bytes = fs.readFileSync(path.join(root, file));
      } catch {
        bytes = null;
      }
      return { node: file, path: path.join(root, file), bytes };
    }
    const readOrEmpty = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file) : Buffer.alloc(0));
    const found = (bytes: Buffer) => BIRTHS.filter((b) => bytes.includes(onDisk(b))).length;

    beforeAll(async () => {
      database = await createEmptyDatabase();
      db = database.db as unknown as Kysely<unknown>;
      await migrateUpTo(db, BEFORE);
      const { rows } = await sql<{ id: string }>`
      INSERT INTO org_unit (code, name, full_name, type) VALUES ('SD', '上党区', '长治市上党区', 'district')
      RETURNING id`.execute(db);
      const unit = rows[0]!.id;
      await sql`
      INSERT INTO teacher (school_id, district_id, name, name_sort_key, id_cipher, id_index, id_masked, sex,
        birth_date, education, professional_title, series, hire_date, created_at, updated_at)
      SELECT ${unit}::uuid, ${unit}::uuid, 'T' || n, 'T' || n, ${crypto.encrypt('140404198001010011')}, 'i' || n,
        '140404********0011', 'M', b, 'bachelor', 'intermediate', 'full_time', '2010-09-01', now(), now()
      FROM unnest(${BIRTHS}::date[]) WITH ORDINALITY AS v(b, n)`.execute(db);
    }, 180_000);
    afterAll(() => database?.close());

    it('rewrites the teacher table: none of the clear birth dates is left in its file', async () => {
      await applyOld(db, crypto);
      const before = await tableFile();
      // The files of the embedded database, or of PostgreSQL on this machine, are read here.
      if (!database.url || /@(127\.0\.0\.1|localhost)[:/]/.test(database.url))
        expect(before.bytes, 'the table file is read').not.toBeNull();
      // The check itself sees them while they are there.
      if (before.bytes) expect(found(before.bytes)).toBe(BIRTHS.length);

      expect(await migrateToLatest(db, { crypto })).toContain(migrated);

      const after = await tableFile();
      expect(after.node).not.toBe(before.node);
      if (after.bytes) expect(found(after.bytes)).toBe(0);
      // The old file is emptied when the rewrite commits (and unlinked at a later checkpoint).
      if (before.bytes) expect(found(readOrEmpty(before.path))).toBe(0);
      const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM teacher`.execute(db);
      expect(rows[0]!.n).toBe(BIRTHS.length);
    });
  },
);
