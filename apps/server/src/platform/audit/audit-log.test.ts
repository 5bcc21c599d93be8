import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  createUser,
  login,
  seedShangdang,
  SYSTEM_ACTOR,
  type TestContext,
} from '../../test/test-context.ts';
import { verifyAuditChain } from './audit-verify.ts';

/** The hash-chained, append-only audit log (SECURITY.md "Audit"). */
describe('audit log', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
    await seedShangdang(ctx);
    const user = await createUser(ctx, 'coordinator', 'SD-EDU');
    await login(ctx, user.username);
    await login(ctx, user.username);
    await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: 'Wrong-pass#1' },
    });
  });
  afterAll(() => ctx?.close());

  const rowCount = async () =>
    Number(
      (
        await ctx.db
          .selectFrom('auditLog')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  /** Changes the log as someone with DDL rights could, bypassing the append-only trigger. */
  const behindTheTrigger = (change: ReturnType<typeof sql>) =>
    ctx.db.transaction().execute(async (trx) => {
      await sql`ALTER TABLE audit_log DISABLE TRIGGER USER`.execute(trx);
      await change.execute(trx);
      await sql`ALTER TABLE audit_log ENABLE TRIGGER USER`.execute(trx);
    });

  it('verifies an intact chain after logins and a plan import, counting every row', async () => {
    const rows = await ctx.db
      .selectFrom('auditLog')
      .select(['seq', 'action', 'result'])
      .orderBy('seq')
      .execute();
    expect(rows.map((r) => r.action)).toEqual([
      'org.units_import',
      'plan.import',
      'user.create',
      'auth.login',
      'auth.login',
      'auth.login',
    ]);
    expect(rows.map((r) => r.result)).toEqual([
      'success',
      'success',
      'success',
      'success',
      'success',
      'failure',
    ]);
    const result = await verifyAuditChain(ctx.db);
    expect(result).toMatchObject({ ok: true, rows: 6, headSeq: 6, problems: [] });
    expect(result.headHash).toMatch(/^[0-9a-f]{64}$/);
    // Paging through the chain gives the same answer as one page.
    expect(await verifyAuditChain(ctx.db, 2)).toEqual(result);
  });

  it('keeps the chain verifiable when details hold dates and undefined values', async () => {
    await ctx.db.transaction().execute((trx) =>
      ctx.services.audit.record(
        trx,
        { id: null, name: 'test', orgUnitId: null, ip: null },
        {
          action: 'test.dates',
          details: {
            closesAt: new Date('2026-12-19T16:00:00Z'),
            nested: { at: new Date(0), gone: undefined },
          },
        },
      ),
    );
    const row = await ctx.db
      .selectFrom('auditLog')
      .select('details')
      .where('action', '=', 'test.dates')
      .executeTakeFirstOrThrow();
    expect(row.details).toEqual({
      closesAt: '2026-12-19T16:00:00.000Z',
      nested: { at: '1970-01-01T00:00:00.000Z' },
    });
    expect(await verifyAuditChain(ctx.db)).toMatchObject({ ok: true, problems: [] });
  });

  it('refuses UPDATE, DELETE and TRUNCATE from the application', async () => {
    const before = await ctx.db.selectFrom('auditLog').selectAll().orderBy('seq').execute();
    await expect(
      ctx.db.updateTable('auditLog').set({ action: 'x' }).where('seq', '=', 2).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(ctx.db.deleteFrom('auditLog').where('seq', '=', 2).execute()).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE audit_log`.execute(ctx.db)).rejects.toThrow(/append-only/);
    expect(await ctx.db.selectFrom('auditLog').selectAll().orderBy('seq').execute()).toEqual(before);
  });

  it('reports a row changed behind the trigger as hash_mismatch at its seq', async () => {
    const original = await ctx.db
      .selectFrom('auditLog')
      .selectAll()
      .where('seq', 'in', [2, 4])
      .orderBy('seq')
      .execute();
    await behindTheTrigger(sql`UPDATE audit_log SET details = details || '{"tasks": 1}' WHERE seq = 2`);
    await behindTheTrigger(sql`UPDATE audit_log SET action = 'auth.logout' WHERE seq = 4`);
    try {
      const result = await verifyAuditChain(ctx.db);
      expect(result.ok).toBe(false);
      expect(result.problems.map((p) => [p.seq, p.problem])).toEqual([
        [2, 'hash_mismatch'],
        [4, 'hash_mismatch'],
      ]);
    } finally {
      for (const row of original)
        await behindTheTrigger(
          sql`UPDATE audit_log SET details = ${JSON.stringify(row.details)}::jsonb, action = ${row.action} WHERE seq = ${row.seq}`,
        );
    }
    expect((await verifyAuditChain(ctx.db)).ok).toBe(true);
  });

  it('reports a deleted row as missing rows and a broken chain at the next seq', async () => {
    const row = await ctx.db
      .selectFrom('auditLog')
      .selectAll()
      .where('seq', '=', 3)
      .executeTakeFirstOrThrow();
    await behindTheTrigger(sql`DELETE FROM audit_log WHERE seq = 3`);
    try {
      const result = await verifyAuditChain(ctx.db);
      expect(result.ok).toBe(false);
      expect(result.rows).toBe(await rowCount());
      expect(result.problems.map((p) => [p.seq, p.problem])).toEqual([
        [4, 'missing_rows'],
        [4, 'chain_broken'],
      ]);
      expect(result.problems[0]!.message).toContain('3..3');
    } finally {
      await ctx.db
        .insertInto('auditLog')
        .values({ ...row, details: JSON.stringify(row.details) })
        .execute();
    }
    expect((await verifyAuditChain(ctx.db)).ok).toBe(true);
  });

  it('keeps the chain intact with 20 concurrent writers', async () => {
    const before = await rowCount();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        ctx.db.transaction().execute(async (trx) => {
          await trx.selectFrom('orgUnit').select('id').limit(1).execute();
          await ctx.services.audit.record(trx, SYSTEM_ACTOR, { action: 'test.concurrent', details: { i } });
        }),
      ),
    );
    const rows = await ctx.db
      .selectFrom('auditLog')
      .select(['seq', 'details'])
      .where('action', '=', 'test.concurrent')
      .orderBy('seq')
      .execute();
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 20 }, (_, i) => before + 1 + i));
    expect(rows.map((r) => r.details.i).sort((a, b) => Number(a) - Number(b))).toEqual(
      Array.from({ length: 20 }, (_, i) => i),
    );
    expect(await verifyAuditChain(ctx.db)).toMatchObject({ ok: true, rows: before + 20 });
  });

  it('appends thousands of rows in order with recordMany, beside concurrent writers', async () => {
    const before = await rowCount();
    // Quotes, backslashes, braces and commas travel through the array parameters unchanged.
    const text = '引号 "a,b" {c} \\ d\'e NULL';
    const entries = Array.from({ length: 12_000 }, (_, i) => ({ action: 'test.bulk', details: { i, text } }));
    await Promise.all([
      ctx.db.transaction().execute((trx) => ctx.services.audit.recordMany(trx, SYSTEM_ACTOR, entries)),
      ...Array.from({ length: 5 }, (_, i) =>
        ctx.db
          .transaction()
          .execute((trx) =>
            ctx.services.audit.record(trx, SYSTEM_ACTOR, { action: 'test.beside', details: { i } }),
          ),
      ),
    ]);
    const rows = await ctx.db
      .selectFrom('auditLog')
      .select(['seq', 'details'])
      .where('action', '=', 'test.bulk')
      .orderBy('seq')
      .execute();
    // One writer holds the chain at a time: the bulk rows are contiguous and in the order given.
    expect(rows.map((r) => r.details.i)).toEqual(entries.map((e) => e.details.i));
    expect(rows.at(-1)!.seq - rows[0]!.seq).toBe(11_999);
    expect(rows[0]!.details.text).toBe(text);
    expect(await verifyAuditChain(ctx.db)).toMatchObject({ ok: true, rows: before + 12_005 });
  });

  it('rolls an audit row back with the transaction that wrote it', async () => {
    const before = await rowCount();
    await expect(
      ctx.db.transaction().execute(async (trx) => {
        await ctx.services.audit.record(trx, SYSTEM_ACTOR, { action: 'test.rolled_back' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await rowCount()).toBe(before);
    expect(
      await ctx.db.selectFrom('auditLog').select('seq').where('action', '=', 'test.rolled_back').execute(),
    ).toEqual([]);
    // A failed request leaves neither its change nor its audit row: the username is already taken.
    const taken = await ctx.db.selectFrom('appUser').select('username').executeTakeFirstOrThrow();
    await expect(
      ctx.services.org.users.createUser(
        null,
        { username: taken.username.toUpperCase(), displayName: 'x', role: 'viewer', orgUnitCode: 'SD' },
        SYSTEM_ACTOR,
      ),
    ).rejects.toMatchObject({ code: '23505' });
    expect(await rowCount()).toBe(before);
    expect((await verifyAuditChain(ctx.db)).ok).toBe(true);
  });

  it('writes one audit row in the same transaction as each mutation it records', async () => {
    const before = await rowCount();
    const user = await createUser(ctx, 'viewer', 'SD-EDU');
    const client = await login(ctx, user.username);
    expect(
      (
        await client.post('/api/auth/password', {
          currentPassword: user.password,
          newPassword: 'Other-pass#42',
        })
      ).statusCode,
    ).toBe(204);
    expect((await client.post('/api/auth/logout')).statusCode).toBe(204);
    const rows = await ctx.db
      .selectFrom('auditLog')
      .select(['seq', 'action', 'actorName', 'objectId', 'ip'])
      .where('seq', '>', before)
      .orderBy('seq')
      .execute();
    expect(rows.map((r) => r.action)).toEqual([
      'user.create',
      'auth.login',
      'auth.password_change',
      'auth.logout',
    ]);
    expect(rows.every((r) => r.objectId === user.id)).toBe(true);
    expect(rows.slice(1).map((r) => [r.actorName, r.ip])).toEqual(
      Array(3).fill([user.username, '127.0.0.1']),
    );
  });
});
