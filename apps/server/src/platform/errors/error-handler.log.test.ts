import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/test-db.ts';
import { handleError } from './error-handler.ts';

/** Personal data a failing row holds: a 居民身份证号, a phone and a name. */
const ID = '11010519491231002X';
const PHONE = '13800138000';
const NAME = '张小明';

/*
 * Each route runs a statement the real database refuses, inside a transaction rolled back with it
 * (the table exists only there): PostgreSQL puts the row's or key's values in the error's `detail`
 * (and, for an invalid value, in its message). The log keeps the SQLSTATE, the constraint and the
 * table, never those values.
 */
const PROBE = sql`create table log_probe (
  name text not null constraint log_probe_name_check check (name <> ''),
  id_number text constraint log_probe_id_key unique,
  phone text
)`;

describe('the error handler’s log of a database refusal', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const lines: string[] = [];
  const refused = (statements: ReturnType<typeof sql>[]) => () =>
    database.db.transaction().execute(async (trx) => {
      await PROBE.execute(trx);
      for (const s of statements) await s.execute(trx);
    });

  beforeAll(async () => {
    database = await createTestDatabase();
    app = Fastify({ logger: { level: 'info', stream: { write: (line: string) => lines.push(line) } } });
    app.setErrorHandler(handleError);
    const row = (name: string) => sql`insert into log_probe values (${name}, ${ID}, ${PHONE})`;
    app.get('/check', refused([row('')]));
    app.get('/unique', refused([row(NAME), row(NAME)]));
    app.get('/not-null', refused([sql`insert into log_probe values (null, ${ID}, ${PHONE})`]));
    app.get('/syntax', refused([sql`select ${ID}::uuid`]));
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  /** The log lines written while asking `url`, and the answer. */
  async function ask(url: string) {
    const from = lines.length;
    const res = await app.inject({ method: 'GET', url });
    return { res, logged: lines.slice(from).join('\n') };
  }

  it('logs a CHECK refusal with its constraint, table and SQLSTATE, without the failing row', async () => {
    const { res, logged } = await ask('/check');
    expect(res.statusCode).toBe(400);
    expect(logged).toContain('database check constraint');
    const entry = JSON.parse(logged.split('\n').find((l) => l.includes('database check constraint'))!);
    expect(entry.db).toEqual({
      code: '23514',
      constraint: 'log_probe_name_check',
      table: 'log_probe',
      schema: 'public',
    });
    expect(logged).not.toContain(ID);
    expect(logged).not.toContain(PHONE);
    expect(logged).not.toMatch(/Failing row/);
  });

  it('logs a unique refusal without the key’s value, and an invalid value without the value', async () => {
    const unique = await ask('/unique');
    expect(unique.res.statusCode).toBe(409);
    expect(unique.logged).toContain('"constraint":"log_probe_id_key"');
    const syntax = await ask('/syntax');
    expect(syntax.res.statusCode).toBe(400);
    expect(syntax.logged).toContain('"code":"22P02"');
    for (const { logged } of [unique, syntax]) {
      expect(logged).not.toContain(ID);
      expect(logged).not.toContain(NAME);
      expect(logged).not.toMatch(/Key \(|Failing row/);
    }
  });

  it('logs an unmapped database error (500) with its message and stack, not the failing row', async () => {
    const { res, logged } = await ask('/not-null');
    expect(res.statusCode).toBe(500);
    expect(logged).toContain('unhandled error');
    expect(logged).toMatch(/violates not-null constraint/);
    expect(logged).toContain('"column":"name"');
    expect(logged).not.toContain(ID);
    expect(logged).not.toContain(PHONE);
    expect(logged).not.toMatch(/Failing row/);
  });
});
