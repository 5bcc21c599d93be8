import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import {
  createTestContext,
  createUser,
  seedShangdang,
  TEST_PASSWORD,
  type TestContext,
} from '../../test/test-context.ts';

const MINUTE = 60_000;

/** Failed sign-ins: each is audited, and 5 in a row lock the account for 10 minutes. */
describe('failed sign-ins and lockout', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
    await seedShangdang(ctx);
  });
  afterAll(() => ctx?.close());

  const attempt = (username: string, password: string) =>
    ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  const loginFailures = (username: string) =>
    ctx.db
      .selectFrom('auditLog')
      .select(['result', 'details', 'ip'])
      .where('action', '=', 'auth.login')
      .where('actorName', '=', username)
      .where('result', '=', 'failure')
      .orderBy('seq')
      .execute();

  it('answers a wrong password with 401 AUTH_INVALID_CREDENTIALS and a failure audit row', async () => {
    const user = await createUser(ctx, 'viewer', 'SD-EDU');
    const res = await attempt(user.username, 'Wrong-pass#1');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('AUTH_INVALID_CREDENTIALS');
    expect(res.cookies).toEqual([]);
    expect(await loginFailures(user.username)).toEqual([
      { result: 'failure', details: { reason: 'wrong_password' }, ip: '127.0.0.1' },
    ]);
    const unknown = await attempt('nobody.here', 'Wrong-pass#1');
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().error.code).toBe('AUTH_INVALID_CREDENTIALS');
    expect(await loginFailures('nobody.here')).toHaveLength(1);
  });

  it('locks the account after 5 wrong passwords: attempt 6 with the right one gets 423 for 10 minutes', async () => {
    const user = await createUser(ctx, 'unit_clerk', 'SD-HS1');
    for (let i = 0; i < 5; i++)
      expect((await attempt(user.username, `Wrong-pass#${i}`)).statusCode).toBe(401);
    const locked = await attempt(user.username, TEST_PASSWORD);
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.code).toBe('AUTH_LOCKED');
    expect(locked.cookies).toEqual([]);
    ctx.clock.advance(9 * MINUTE);
    expect((await attempt(user.username, TEST_PASSWORD)).statusCode).toBe(423);
    ctx.clock.advance(1 * MINUTE);
    expect((await attempt(user.username, TEST_PASSWORD)).statusCode).toBe(200);
    const reasons = (await loginFailures(user.username)).map((r) => r.details.reason);
    expect(reasons).toEqual([...Array(5).fill('wrong_password'), 'locked', 'locked']);
  });

  it('locks the account after 5 failures even when 20 wrong passwords arrive at once', async () => {
    const user = await createUser(ctx, 'viewer', 'SD-EDU');
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => attempt(user.username, `Wrong-pass#${i}`)),
    );
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 423)).toHaveLength(15);
    expect((await attempt(user.username, TEST_PASSWORD)).statusCode).toBe(423);
    const row = await ctx.db
      .selectFrom('appUser')
      .select(['lockedUntil', 'failuresInWindow'])
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.lockedUntil!.getTime()).toBe(ctx.clock.now().getTime() + 10 * MINUTE);
    expect(row.failuresInWindow).toBe(5);
    expect(await loginFailures(user.username)).toHaveLength(21);
  });

  it('locks the account after 5 failures when 20 wrong passwords arrive at once at two app processes', async () => {
    // A second app on the same database: its own services, as another process has.
    const other = await buildApp({
      config: ctx.config,
      db: ctx.db,
      dbKind: ctx.database.kind,
      clock: ctx.clock,
      crypto: ctx.crypto,
      webRoot: null,
    });
    try {
      const user = await createUser(ctx, 'viewer', 'SD-EDU');
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          (i % 2 ? other.app : ctx.app).inject({
            method: 'POST',
            url: '/api/auth/login',
            payload: { username: user.username, password: `Wrong-pass#${i}` },
          }),
        ),
      );
      const statuses = results.map((r) => r.statusCode);
      expect(statuses.filter((s) => s === 401)).toHaveLength(5);
      expect(statuses.filter((s) => s === 423)).toHaveLength(15);
      expect((await attempt(user.username, TEST_PASSWORD)).statusCode).toBe(423);
      const row = await ctx.db
        .selectFrom('appUser')
        .select('lockedUntil')
        .where('id', '=', user.id)
        .executeTakeFirstOrThrow();
      expect(row.lockedUntil!.getTime()).toBe(ctx.clock.now().getTime() + 10 * MINUTE);
    } finally {
      await other.app.close();
    }
  });
});
