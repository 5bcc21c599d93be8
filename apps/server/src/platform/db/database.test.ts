import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/test-db.ts';
import { openDatabase } from './database.ts';

const embedded = inject('testDb').kind === 'pglite';

describe('database', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase({ own: true });
  });
  afterAll(() => database?.close());

  it('maps int8 and numeric to numbers and date to a YYYY-MM-DD string', async () => {
    const { rows } = await sql<Record<string, unknown>>`
      SELECT 1::int8 AS big, 2.5::numeric AS decimal, DATE '2021-03-01' AS day, count(*) AS n,
             sum(x)::numeric(12, 2) AS total, TIMESTAMPTZ '2021-03-01 08:00:00+08' AS at
      FROM generate_series(1, 3) AS x`.execute(database.db);
    expect(rows).toEqual([{ big: 1, decimal: 2.5, day: '2021-03-01', n: 3, total: 6, at: expect.any(Date) }]);
    expect((rows[0]!.at as Date).toISOString()).toBe('2021-03-01T00:00:00.000Z');
    // A deadline keeps its calendar day whatever the process time zone (a Date would shift it).
    const deadline = await sql<{ d: unknown }>`SELECT ${'2021-12-31'}::date AS d`.execute(database.db);
    expect(deadline.rows).toEqual([{ d: '2021-12-31' }]);
  });

  it('refuses an int8 beyond 2^53 rather than rounding it, and stays usable', async () => {
    await expect(sql`SELECT 9007199254740993::int8 AS big`.execute(database.db)).rejects.toThrow(
      /out of range/,
    );
    const { rows } = await sql<{ n: number }>`SELECT 9007199254740991::int8 AS n`.execute(database.db);
    expect(rows[0]!.n).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('keeps the event loop turning while a heavy query runs', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const started = Date.now();
    try {
      const { rows } = await sql<{ n: number }>`
        SELECT count(*) AS n FROM generate_series(1, 3000000)`.execute(database.db);
      expect(rows[0]!.n).toBe(3_000_000);
    } finally {
      clearInterval(timer);
    }
    const elapsed = Date.now() - started;
    expect(ticks, `${ticks} ticks in ${elapsed} ms`).toBeGreaterThanOrEqual(10);
  });

  it.skipIf(!embedded)('refuses a second open of the same data directory, naming it', async () => {
    await expect(openDatabase({ databaseUrl: null, dataDir: database.dataDir })).rejects.toThrow(
      database.dataDir,
    );
    const lock = path.join(database.dataDir, 'zhijiao.lock');
    expect(fs.readFileSync(lock, 'utf8')).toBe(String(process.pid));
    const { rows } = await sql<{ one: number }>`SELECT 1 AS one`.execute(database.db);
    expect(rows).toEqual([{ one: 1 }]);
  });

  it.skipIf(!embedded)(
    'refuses a lock held by another live process, and takes over one of a dead process',
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zj-lock-'));
      try {
        fs.cpSync(inject('testDb').template, path.join(dir, 'pgdata'), { recursive: true });
        fs.writeFileSync(path.join(dir, 'zhijiao.lock'), String(process.ppid));
        await expect(openDatabase({ databaseUrl: null, dataDir: dir })).rejects.toThrow(
          `The data directory ${dir} is in use by process ${process.ppid}`,
        );
        const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
        fs.writeFileSync(path.join(dir, 'zhijiao.lock'), String(dead));
        const handle = await openDatabase({ databaseUrl: null, dataDir: dir });
        try {
          expect(fs.readFileSync(path.join(dir, 'zhijiao.lock'), 'utf8')).toBe(String(process.pid));
          const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM app_user`.execute(handle.db);
          expect(rows).toEqual([{ n: 0 }]);
        } finally {
          await handle.close();
        }
        expect(fs.existsSync(path.join(dir, 'zhijiao.lock'))).toBe(false);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
