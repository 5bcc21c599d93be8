import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import {
  createTestContext,
  createUser,
  login,
  seedShangdang,
  TEST_PASSWORD,
  type TestContext,
} from '../../test/test-context.ts';
import { totpCode } from './totp.ts';

const MINUTE = 60_000;

/**
 * Failed sign-ins: each is audited; 5 in a row lock the account for 10 minutes towards the
 * addresses that failed, answered exactly like a wrong password.
 */
describe('failed sign-ins and lockout', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
    await seedShangdang(ctx);
  });
  afterAll(() => ctx?.close());

  const attempt = (username: string, password: string, remoteAddress = '127.0.0.1') =>
    ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
      remoteAddress,
    });
  const auditRows = (action: string, objectId: string) =>
    ctx.db
      .selectFrom('auditLog')
      .select(['result', 'ip', 'details'])
      .where('action', '=', action)
      .where('objectId', '=', objectId)
      .orderBy('seq')
      .execute();
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

  it('locks the account after 5 wrong passwords: attempt 6 with the right one is refused for 10 minutes', async () => {
    const user = await createUser(ctx, 'unit_clerk', 'SD-HS1');
    const from = '198.51.100.6';
    for (let i = 0; i < 5; i++)
      expect((await attempt(user.username, `Wrong-pass#${i}`, from)).statusCode).toBe(401);
    const locked = await attempt(user.username, TEST_PASSWORD, from);
    expect(locked.statusCode).toBe(401);
    expect(locked.json().error.code).toBe('AUTH_INVALID_CREDENTIALS');
    expect(locked.cookies).toEqual([]);
    ctx.clock.advance(9 * MINUTE);
    expect((await attempt(user.username, TEST_PASSWORD, from)).statusCode).toBe(401);
    ctx.clock.advance(1 * MINUTE);
    expect((await attempt(user.username, TEST_PASSWORD, from)).statusCode).toBe(200);
    const reasons = (await loginFailures(user.username)).map((r) => r.details.reason);
    expect(reasons).toEqual([...Array(5).fill('wrong_password'), 'locked', 'locked']);
    const lockEvents = await auditRows('auth.lock', user.id);
    expect(lockEvents).toEqual([{ result: 'success', ip: from, details: { failures: 5, minutes: 10 } }]);
  });

  it('answers a locked account exactly as a wrong password or an unknown name: status, body, time', async () => {
    const user = await createUser(ctx, 'viewer', 'SD-EDU');
    const from = '198.51.100.7';
    for (let i = 0; i < 5; i++) await attempt(user.username, `Wrong-pass#${i}`, from);
    const samples = { locked: [] as number[], wrong: [] as number[] };
    const bodies = new Set<string>();
    for (let i = 0; i < 6; i++) {
      for (const [kind, res] of [
        ['locked', () => attempt(user.username, TEST_PASSWORD, from)],
        ['wrong', () => attempt(`nobody${i}`, TEST_PASSWORD, from)],
      ] as const) {
        const t0 = performance.now();
        const answer = await res();
        samples[kind].push(performance.now() - t0);
        expect(answer.statusCode).toBe(401);
        expect(answer.headers['retry-after']).toBeUndefined();
        bodies.add(answer.body);
      }
    }
    expect([...bodies]).toEqual([
      JSON.stringify({ error: { code: 'AUTH_INVALID_CREDENTIALS', message: '用户名或密码错误' } }),
    ]);
    // The password hash (~20 ms) still runs for a locked account: its answer is no quicker. Each
    // kind's fastest answer is compared (a busy machine only adds time, to both kinds alike, as
    // they alternate); skipping the hash would make the locked one a small fraction of the other.
    expect(Math.min(...samples.locked)).toBeGreaterThan(Math.min(...samples.wrong) * 0.3);
  });

  it('lets the owner sign in from an address that has not been failing while the account is locked', async () => {
    const user = await createUser(ctx, 'unit_clerk', 'SD-VHS');
    const attacker = '203.0.113.50';
    for (let i = 0; i < 5; i++) await attempt(user.username, `Wrong-pass#${i}`, attacker);
    expect((await attempt(user.username, TEST_PASSWORD, attacker)).statusCode).toBe(401);
    const owner = await attempt(user.username, TEST_PASSWORD, '192.0.2.44');
    expect(owner.statusCode).toBe(200);
  });

  it('lifts the lock only for the address that signs in while another address is failing on the account', async () => {
    const user = await createUser(ctx, 'unit_clerk', 'SD-VHS');
    const attacker = '203.0.113.51';
    const owner = '192.0.2.45';
    const row = () =>
      ctx.db
        .selectFrom('appUser')
        .select(['lockedUntil', 'failedAttempts'])
        .where('id', '=', user.id)
        .executeTakeFirstOrThrow();
    for (let i = 0; i < 4; i++) await attempt(user.username, `Wrong-pass#${i}`, attacker);
    // The owner's sign-in does not wipe the attacker's run of failures: its next one locks.
    expect((await attempt(user.username, TEST_PASSWORD, owner)).statusCode).toBe(200);
    expect(await row()).toEqual({ lockedUntil: null, failedAttempts: 4 });
    expect((await attempt(user.username, 'Wrong-pass#4', attacker)).statusCode).toBe(401);
    expect((await attempt(user.username, TEST_PASSWORD, attacker)).statusCode).toBe(401);
    // Nor does it lift the lock for the attacker, while the owner signs in again.
    expect((await attempt(user.username, TEST_PASSWORD, owner)).statusCode).toBe(200);
    expect((await attempt(user.username, TEST_PASSWORD, attacker)).statusCode).toBe(401);
    const reasons = (await loginFailures(user.username)).map((r) => r.details.reason);
    expect(reasons).toEqual([...Array(5).fill('wrong_password'), 'locked', 'locked']);
    // Once no other address has failed on the account for an hour, a success clears the run.
    ctx.clock.advance(61 * MINUTE);
    expect((await attempt(user.username, 'Wrong-pass#5', owner)).statusCode).toBe(401);
    expect((await attempt(user.username, TEST_PASSWORD, owner)).statusCode).toBe(200);
    expect(await row()).toEqual({ lockedUntil: null, failedAttempts: 0 });
  });

  it('refuses an address once it is not under lock, but a fresh address that also fails counts towards it', async () => {
    const user = await createUser(ctx, 'viewer', 'SD-EDU');
    for (let i = 0; i < 5; i++) await attempt(user.username, `Wrong-pass#${i}`, '203.0.113.60');
    expect((await attempt(user.username, 'Wrong-pass#x', '203.0.113.61')).statusCode).toBe(401);
    expect((await attempt(user.username, TEST_PASSWORD, '203.0.113.61')).statusCode).toBe(401);
    const reasons = (await loginFailures(user.username)).map((r) => r.details.reason);
    expect(reasons.slice(-2)).toEqual(['wrong_password', 'locked']);
  });

  it("keeps the security administrator's unlock working for the address that failed", async () => {
    const user = await createUser(ctx, 'viewer', 'SD-EDU');
    const from = '198.51.100.9';
    for (let i = 0; i < 5; i++) await attempt(user.username, `Wrong-pass#${i}`, from);
    expect((await attempt(user.username, TEST_PASSWORD, from)).statusCode).toBe(401);
    const secAdmin = await createUser(ctx, 'security_admin', 'SD');
    const secClient = await login(ctx, secAdmin.username);
    const begin = await secClient.post('/api/auth/totp', { currentPassword: TEST_PASSWORD });
    expect(begin.statusCode, begin.body).toBe(200);
    const { secret } = begin.json<{ secret: string }>();
    await secClient.post('/api/auth/totp/confirmation', {
      code: totpCode(secret, ctx.clock.now().getTime()),
    });
    expect((await secClient.post(`/api/admin/users/${user.id}/unlock`)).statusCode).toBe(204);
    expect((await attempt(user.username, TEST_PASSWORD, from)).statusCode).toBe(200);
  });

  it('locks the account after 5 failures even when 20 wrong passwords arrive at once', async () => {
    const user = await createUser(ctx, 'viewer', 'SD-EDU');
    const from = '198.51.100.20';
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => attempt(user.username, `Wrong-pass#${i}`, from)),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(20).fill(401));
    expect((await attempt(user.username, TEST_PASSWORD, from)).statusCode).toBe(401);
    const row = await ctx.db
      .selectFrom('appUser')
      .select(['lockedUntil', 'failuresInWindow'])
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.lockedUntil!.getTime()).toBe(ctx.clock.now().getTime() + 10 * MINUTE);
    expect(row.failuresInWindow).toBe(5);
    const reasons = (await loginFailures(user.username)).map((r) => r.details.reason);
    expect(reasons.filter((r) => r === 'wrong_password')).toHaveLength(5);
    expect(reasons.filter((r) => r === 'locked')).toHaveLength(16);
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
      const from = '198.51.100.21';
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          (i % 2 ? other.app : ctx.app).inject({
            method: 'POST',
            url: '/api/auth/login',
            payload: { username: user.username, password: `Wrong-pass#${i}` },
            remoteAddress: from,
          }),
        ),
      );
      expect(results.map((r) => r.statusCode)).toEqual(Array(20).fill(401));
      expect((await attempt(user.username, TEST_PASSWORD, from)).statusCode).toBe(401);
      const row = await ctx.db
        .selectFrom('appUser')
        .select(['lockedUntil', 'failuresInWindow'])
        .where('id', '=', user.id)
        .executeTakeFirstOrThrow();
      expect(row.lockedUntil!.getTime()).toBe(ctx.clock.now().getTime() + 10 * MINUTE);
      const reasons = (await loginFailures(user.username)).map((r) => r.details.reason);
      expect(reasons.filter((r) => r === 'wrong_password')).toHaveLength(5);
    } finally {
      await other.app.close();
    }
  });
});

/** Failed sign-ins from one network address, whatever the account: 429 past the limit. */
describe('per-address sign-in throttle', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({
      env: { ZHIJIAO_LOGIN_ADDRESS_LIMIT: '10', ZHIJIAO_LOGIN_ADDRESS_WINDOW_MINUTES: '15' },
    });
    await seedShangdang(ctx);
  });
  afterAll(() => ctx?.close());

  const attempt = (username: string, password: string, remoteAddress: string) =>
    ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
      remoteAddress,
    });
  const throttledCount = async (clientKey: string) =>
    (
      await ctx.db
        .selectFrom('loginAttempt')
        .select('id')
        .where('clientKey', '=', clientKey)
        .where('outcome', '=', 'throttled')
        .execute()
    ).length;

  it('answers 429 AUTH_THROTTLED with Retry-After past 10 failures from one address, 100 at once included', async () => {
    const admin = await createUser(ctx, 'system_admin', 'SD');
    const from = '203.0.113.9';
    const burst = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        attempt(i % 2 ? admin.username : `guess${i}`, `Wrong#${i}`, from),
      ),
    );
    const statuses = burst.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(90);
    const throttled = burst.find((r) => r.statusCode === 429)!;
    expect(throttled.headers['retry-after']).toBe(String(15 * 60));
    expect(throttled.json().error).toMatchObject({
      code: 'AUTH_THROTTLED',
      message: '此网络地址登录失败次数过多，已暂停从此地址登录，请稍后再试',
      details: [{ code: 'RETRY_AFTER', message: '请在 15 分钟后再试', retryAfterSeconds: 900 }],
    });
    const en = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'accept-language': 'en' },
      payload: { username: admin.username, password: TEST_PASSWORD },
      remoteAddress: from,
    });
    expect(en.statusCode).toBe(429);
    expect(en.json().error.message).toMatch(/^Too many failed sign-ins from this network address/);
    // Only what passed the throttle counted on the administrator's account, and the lock it may
    // have caused holds only against that address.
    const row = await ctx.db
      .selectFrom('appUser')
      .select('failuresInWindow')
      .where('id', '=', admin.id)
      .executeTakeFirstOrThrow();
    expect(row.failuresInWindow).toBeLessThanOrEqual(10);
    expect((await attempt(admin.username, TEST_PASSWORD, '192.0.2.10')).statusCode).toBe(200);

    const audit = await ctx.db
      .selectFrom('auditLog')
      .select(['action', 'details'])
      .where('ip', '=', from)
      .where('action', 'in', ['auth.login', 'auth.throttle'])
      .execute();
    // The throttle's start is audited once: by the transaction whose failure reached the limit
    // (a refused attempt's failure is counted when it is settled, not twice).
    expect(audit.filter((a) => a.action === 'auth.throttle')).toEqual([
      { action: 'auth.throttle', details: { client: from, failures: 10, minutes: 15 } },
    ]);
    // The throttle's first refusal is audited; the other 90 are only counted, so a flood neither
    // waits on the audit log's lock nor grows it.
    expect(audit.filter((a) => a.details.reason === 'address_throttled')).toHaveLength(1);
    expect(await throttledCount(from)).toBe(91);

    ctx.clock.advance(15 * 60_000 + 1000);
    expect((await attempt(admin.username, TEST_PASSWORD, from)).statusCode).toBe(200);
    // A new throttle period is audited again, once.
    for (let i = 0; i < 10; i++) expect((await attempt(`again${i}`, 'Wrong#1', from)).statusCode).toBe(401);
    for (let i = 0; i < 3; i++) expect((await attempt(`again${i}`, 'Wrong#1', from)).statusCode).toBe(429);
    const refusals = await ctx.db
      .selectFrom('auditLog')
      .select('actorName')
      .where('ip', '=', from)
      .where(sql<boolean>`details->>'reason' = 'address_throttled'`)
      .orderBy('seq')
      .execute();
    expect(refusals.map((r) => r.actorName)).toEqual([expect.any(String), 'again0']);
    expect(await throttledCount(from)).toBe(94);
  });

  it('forgets old attempts at most once a minute, not at every sign-in', async () => {
    const old = () =>
      ctx.db
        .insertInto('loginAttempt')
        .values({
          clientKey: '198.51.100.250',
          userId: null,
          at: new Date(ctx.clock.now().getTime() - 2 * 3600_000),
          outcome: 'failure',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    const exists = async (id: string) =>
      (await ctx.db.selectFrom('loginAttempt').select('id').where('id', '=', id).executeTakeFirst()) !==
      undefined;
    ctx.clock.advance(2 * 60_000);
    const first = await old();
    await attempt('nobody.a', 'Wrong#1', '198.51.100.251');
    expect(await exists(first.id)).toBe(false);
    const second = await old();
    ctx.clock.advance(59_000);
    await attempt('nobody.b', 'Wrong#1', '198.51.100.251');
    expect(await exists(second.id)).toBe(true);
    ctx.clock.advance(1_000);
    await attempt('nobody.c', 'Wrong#1', '198.51.100.251');
    expect(await exists(second.id)).toBe(false);
  });

  it('counts an IPv6 client by its /64, and does not count successful sign-ins', async () => {
    const user = await createUser(ctx, 'viewer', 'SD-EDU');
    for (let i = 0; i < 12; i++)
      expect((await attempt(user.username, TEST_PASSWORD, `2001:db8:5:6::${i + 1}`)).statusCode).toBe(200);
    for (let i = 0; i < 10; i++)
      expect((await attempt(`nobody${i}`, 'Wrong#1', `2001:db8:5:6:${i}::1`)).statusCode).toBe(401);
    const next = await attempt(user.username, TEST_PASSWORD, '2001:db8:5:6:ffff::9');
    expect(next.statusCode).toBe(429);
    expect((await attempt(user.username, TEST_PASSWORD, '2001:db8:5:7::1')).statusCode).toBe(200);
  });
});

/** Failed sign-ins on one account from anywhere: past the hourly limit only known addresses may try. */
describe('per-account hourly failure limit', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({ env: { ZHIJIAO_LOGIN_ACCOUNT_HOURLY_LIMIT: '10' } });
    await seedShangdang(ctx);
  });
  afterAll(() => ctx?.close());

  const attempt = (username: string, password: string, remoteAddress: string) =>
    ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
      remoteAddress,
    });

  it('refuses new addresses past ZHIJIAO_LOGIN_ACCOUNT_HOURLY_LIMIT failures in an hour, not known ones', async () => {
    const user = await createUser(ctx, 'viewer', 'SD-EDU');
    const home = '192.0.2.80';
    expect((await attempt(user.username, TEST_PASSWORD, home)).statusCode).toBe(200);
    for (let i = 0; i < 10; i++)
      expect((await attempt(user.username, `Wrong-pass#${i}`, `203.0.113.${100 + i}`)).statusCode).toBe(401);
    const fresh = await attempt(user.username, TEST_PASSWORD, '198.51.100.80');
    expect([fresh.statusCode, fresh.json().error.code]).toEqual([401, 'AUTH_INVALID_CREDENTIALS']);
    expect((await attempt(user.username, TEST_PASSWORD, home)).statusCode).toBe(200);
    const last = await ctx.db
      .selectFrom('auditLog')
      .select('details')
      .where('action', '=', 'auth.login')
      .where('objectId', '=', user.id)
      .where('result', '=', 'failure')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(last.details.reason).toBe('hourly_failure_limit');
    ctx.clock.advance(61 * MINUTE);
    expect((await attempt(user.username, TEST_PASSWORD, '198.51.100.80')).statusCode).toBe(200);
  });
});
