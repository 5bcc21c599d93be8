import { createHash, randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../audit/audit-log.ts';
import { migrateToLatest, migrateUpTo } from '../db/migrate.ts';
import { createEmptyDatabase, type TestDatabase } from '../../test/test-db.ts';
import { createFieldCrypto } from './field-crypto.ts';
import { importRowHash } from './import-row-hash.ts';

const BEFORE = '0029-certification';
/** A file row as the teachers' import reads it (its personal fields are what the hash hid badly). */
const row = (n: number) => ({
  name: `T${n}`,
  idNumber: `14040419800101${String(n).padStart(3, '0')}1`,
  phone: '13800138000',
});
const plainHash = (n: number) =>
  createHash('sha256')
    .update(canonicalJson(row(n)))
    .digest('hex');

describe('migration 0030: the imports’ row hashes keyed with the field key', () => {
  let database: TestDatabase;
  let db: Kysely<unknown>;
  const crypto = createFieldCrypto(randomBytes(32));

  beforeAll(async () => {
    database = await createEmptyDatabase();
    db = database.db as unknown as Kysely<unknown>;
    await migrateUpTo(db, BEFORE, { crypto });
    const { rows } = await sql<{ id: string }>`
      INSERT INTO org_unit (code, name, full_name, type) VALUES ('SD', '上党区', '长治市上党区', 'district')
      RETURNING id`.execute(db);
    const unit = rows[0]!.id;
    const ns = Array.from({ length: 1002 }, (_, i) => i + 1);
    await sql`
      INSERT INTO teacher (school_id, district_id, name, name_sort_key, id_cipher, id_index, id_masked, sex,
        birth_date_cipher, birth_year, education, professional_title, series, hire_date, row_hash, created_at, updated_at)
      SELECT ${unit}::uuid, ${unit}::uuid, 'T' || n, 'T' || n, ${crypto.encrypt('140404198001010011')}, 'i' || n,
        '140404********0011', 'M', ${crypto.encrypt('1980-01-01')}, 1980, 'bachelor', 'intermediate', 'full_time',
        '2010-09-01', CASE WHEN n = 1002 THEN '' ELSE h END, now(), now()
      FROM unnest(${ns}::int[], ${ns.map(plainHash)}::text[]) AS v(n, h)`.execute(db);
  }, 180_000);
  afterAll(() => database?.close());

  it('refuses to run without the key or with another key, changing nothing', async () => {
    await expect(migrateToLatest(db)).rejects.toThrow(/0030.*field key/);
    await expect(migrateToLatest(db, { crypto: createFieldCrypto(randomBytes(32)) })).rejects.toThrow(
      /does not decrypt/,
    );
    const { rows } = await sql<{ h: string }>`SELECT row_hash AS h FROM teacher WHERE name = 'T1'`.execute(
      db,
    );
    expect(rows[0]!.h).toBe(plainHash(1));
  });

  it('refuses a key that does not decrypt every stored ID number (one row of a batch written under another), changing nothing', async () => {
    const [{ id, cipher }] = (
      await sql<{ id: string; cipher: string }>`
        SELECT id, id_cipher AS cipher FROM teacher ORDER BY id OFFSET 500 LIMIT 1`.execute(db)
    ).rows as [{ id: string; cipher: string }];
    const stranger = createFieldCrypto(randomBytes(32)).encrypt('140404198001010011');
    await sql`UPDATE teacher SET id_cipher = ${stranger} WHERE id = ${id}::uuid`.execute(db);
    try {
      await expect(migrateToLatest(db, { crypto })).rejects.toThrow(/0030.*does not decrypt/);
      const { rows } = await sql<{ h: string }>`SELECT row_hash AS h FROM teacher WHERE name = 'T1'`.execute(
        db,
      );
      expect(rows[0]!.h).toBe(plainHash(1));
    } finally {
      await sql`UPDATE teacher SET id_cipher = ${cipher} WHERE id = ${id}::uuid`.execute(db);
    }
  });

  it('replaces each plain hash by the keyed hash the import now computes for the same row', async () => {
    expect(await migrateToLatest(db, { crypto })).toContain('0030-import-row-hash-keyed');
    const { rows } = await sql<{ name: string; h: string }>`SELECT name, row_hash AS h FROM teacher`.execute(
      db,
    );
    expect(rows).toHaveLength(1002);
    for (const r of rows) {
      const n = Number(r.name.slice(1));
      if (n === 1002) expect(r.h).toBe('');
      else {
        expect(r.h).toBe(importRowHash(crypto, row(n)));
        expect(r.h).not.toBe(plainHash(n));
      }
    }
  });
});
