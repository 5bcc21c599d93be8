import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/test-db.ts';
import { lockForTransaction } from './advisory-lock.ts';
import type { Executor } from './database.ts';

const embedded = inject('testDb').kind === 'pglite';

describe('lockForTransaction', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database?.close());

  /** This session's advisory locks, as the bigint key PostgreSQL took them under. */
  const heldKeys = async (db: Executor) =>
    (
      await sql<{ key: string }>`
        SELECT ((classid::bigint << 32) | objid::bigint)::text AS key FROM pg_locks
        WHERE locktype = 'advisory' AND objsubid = 1 AND pid = pg_backend_pid()`.execute(db)
    ).rows.map((r) => r.key);
  const hashOf = async (key: string) =>
    (await sql<{ h: string }>`SELECT hashtext(${key})::bigint::text AS h`.execute(database.db)).rows[0]!.h;

  it('locks under hashtext(key) until the transaction ends, as the locks taken before it did', async () => {
    const keys = ['sign-in|203.0.113.7', 'vet-programme-link|00000000-0000-4000-8000-000000000001'];
    const held = await database.db.transaction().execute(async (trx) => {
      for (const key of keys) await lockForTransaction(trx, key);
      return heldKeys(trx);
    });
    expect(held.sort()).toEqual((await Promise.all(keys.map(hashOf))).sort());
    expect(await heldKeys(database.db)).toEqual([]);
  });

  it.skipIf(embedded)('keeps another transaction from the same key, not from another key', async () => {
    const key = 'enrollment-lookup|198.51.100.1';
    await database.db.transaction().execute(async (holder) => {
      await lockForTransaction(holder, key);
      const tries = await database.db.transaction().execute(
        async (other) =>
          (
            await sql<{ same: boolean; another: boolean }>`
            SELECT pg_try_advisory_xact_lock(hashtext(${key})) AS same,
                   pg_try_advisory_xact_lock(hashtext(${`${key}0`})) AS another`.execute(other)
          ).rows[0],
      );
      expect(tries).toEqual({ same: false, another: true });
    });
  });
});
