import { randomBytes } from 'node:crypto';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  createUser,
  login,
  seedShangdang,
  TEST_PASSWORD,
  type TestContext,
} from '../../test/test-context.ts';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../config/config.ts';
import { createFieldCrypto } from '../crypto/field-crypto.ts';
import { hashSessionToken } from './session-token.ts';

const MINUTE = 60_000;

describe('sign-in, sessions and passwords (through HTTP)', () => {
  let ctx: TestContext;
  const setCookies: string[] = [];
  beforeAll(async () => {
    ctx = await createTestContext();
    await seedShangdang(ctx);
    // Every response of this file passes through here, so the last test can check every Set-Cookie.
    const inject = ctx.app.inject.bind(ctx.app) as (o: InjectOptions) => Promise<LightMyRequestResponse>;
    (ctx.app as unknown as { inject: typeof inject }).inject = async (opts) => {
      const res = await inject(opts);
      const header = res.headers['set-cookie'];
      if (header) setCookies.push(...(Array.isArray(header) ? header : [String(header)]));
      return res;
    };
  });
  afterAll(() => ctx?.close());

  const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
    ctx.app.inject({ method: 'POST', url, payload, headers });
  const attempt = (username: string, password: string) => post('/api/auth/login', { username, password });
  const me = (cookie: string) => ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });

  it('sets an HttpOnly SameSite=Strict cookie and stores only the hash of its token', async () => {
    const user = await createUser(ctx, 'unit_clerk', 'SD-VHS');
    const res = await attempt(user.username, TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const [cookie] = res.cookies;
    expect(cookie).toMatchObject({ name: 'zj_session', httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie!.value.length).toBeGreaterThanOrEqual(43);
    const body = res.json<{ user: { username: string; restriction: null }; csrfToken: string }>();
    expect(body.user).toMatchObject({ username: user.username, restriction: null });
    expect(res.body).not.toContain(cookie!.value);

    const sessions = await ctx.db
      .selectFrom('userSession')
      .selectAll()
      .where('userId', '=', user.id)
      .execute();
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.tokenHash).toBe(hashSessionToken(cookie!.value));
    const all = await ctx.db.selectFrom('userSession').selectAll().execute();
    expect(all.filter((s) => JSON.stringify(s).includes(cookie!.value))).toEqual([]);
    expect((await me(`zj_session=${cookie!.value}`)).statusCode).toBe(200);
  });

  it('opens a new session with a new id at every login, even when an old cookie is sent along', async () => {
    const user = await createUser(ctx, 'viewer', 'SD-EDU');
    const first = await login(ctx, user.username);
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { cookie: first.cookie },
      payload: { username: user.username, password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const second = `zj_session=${res.cookies[0]!.value}`;
    expect(second).not.toBe(first.cookie);
    const sessions = await ctx.db
      .selectFrom('userSession')
      .select('id')
      .where('userId', '=', user.id)
      .execute();
    expect(new Set(sessions.map((s) => s.id)).size).toBe(2);
  });

  it('ends a session idle for more than 30 minutes: the old cookie gets 401', async () => {
    const user = await createUser(ctx, 'viewer', 'SD-EDU');
    const client = await login(ctx, user.username);
    ctx.clock.advance(29 * MINUTE);
    expect((await client.get('/api/auth/me')).statusCode).toBe(200);
    ctx.clock.advance(29 * MINUTE);
    expect((await client.get('/api/auth/me')).statusCode).toBe(200);
    ctx.clock.advance(31 * MINUTE);
    const res = await client.get('/api/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('AUTH_REQUIRED');
    ctx.clock.advance(-31 * MINUTE);
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('ends every session 12 hours after login, however active', async () => {
    const user = await createUser(ctx, 'viewer', 'SD-EDU');
    const client = await login(ctx, user.username);
    for (let elapsed = 29; elapsed < 720; elapsed += 29) {
      ctx.clock.advance(29 * MINUTE);
      expect((await client.get('/api/plans')).statusCode, `after ${elapsed} min`).toBe(200);
    }
    ctx.clock.advance(23 * MINUTE); // 719 minutes after login
    expect((await client.get('/api/auth/me')).statusCode).toBe(200);
    ctx.clock.advance(MINUTE);
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('ends the session at logout: replaying the cookie gets 401', async () => {
    const user = await createUser(ctx, 'viewer', 'SD-EDU');
    const client = await login(ctx, user.username);
    const res = await client.post('/api/auth/logout');
    expect(res.statusCode).toBe(204);
    expect(res.headers['set-cookie']).toMatch(/^zj_session=;/);
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
    expect((await client.post('/api/auth/logout')).statusCode).toBe(401);
    const rows = await ctx.db
      .selectFrom('auditLog')
      .select('action')
      .where('actorId', '=', user.id)
      .execute();
    expect(rows.map((r) => r.action)).toEqual(['auth.login', 'auth.logout']);
  });

  it('ends the other sessions at a password change and accepts only the new password', async () => {
    const user = await createUser(ctx, 'unit_clerk', 'SD-VEC');
    const a = await login(ctx, user.username);
    const b = await login(ctx, user.username);
    const wrong = await a.post('/api/auth/password', {
      currentPassword: 'Not-mine#2026',
      newPassword: 'Fresh-pass#77',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details[0].field).toBe('currentPassword');
    expect((await b.get('/api/auth/me')).statusCode).toBe(200);

    const res = await a.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'Fresh-pass#77',
    });
    expect(res.statusCode).toBe(204);
    expect((await b.get('/api/auth/me')).statusCode).toBe(401);
    expect((await a.get('/api/auth/me')).statusCode).toBe(200);
    expect((await attempt(user.username, TEST_PASSWORD)).statusCode).toBe(401);
    expect((await attempt(user.username, 'Fresh-pass#77')).statusCode).toBe(200);
    const audit = await ctx.db
      .selectFrom('auditLog')
      .select(['objectId', 'result'])
      .where('action', '=', 'auth.password_change')
      .orderBy('seq')
      .execute();
    // The wrong current password is audited as a failure (it counts as a failed sign-in).
    expect(audit).toEqual([
      { objectId: user.id, result: 'failure' },
      { objectId: user.id, result: 'success' },
    ]);
  });

  it('refuses any of the last 5 passwords, naming newPassword, and keeps only 5 hashes', async () => {
    const user = await createUser(ctx, 'unit_clerk', 'SD-VEC');
    const client = await login(ctx, user.username);
    let current = TEST_PASSWORD;
    const change = async (newPassword: string) => {
      const res = await client.post('/api/auth/password', { currentPassword: current, newPassword });
      if (res.statusCode === 204) current = newPassword;
      return res;
    };
    const reused = await change(TEST_PASSWORD);
    expect(reused.statusCode).toBe(400);
    expect(reused.json().error).toEqual({
      code: 'AUTH_PASSWORD_REUSED',
      message: '新密码不能与最近 5 次使用过的密码相同',
      details: [
        {
          field: 'newPassword',
          code: 'PASSWORD_RECENTLY_USED',
          message: '新密码不能与最近 5 次使用过的密码相同',
          messageEn: 'The new password must differ from your last 5 passwords',
        },
      ],
    });
    const passwords = ['Kestrel-road#41', 'Kestrel-road#42', 'Kestrel-road#43', 'Kestrel-road#44'];
    for (const p of passwords) expect((await change(p)).statusCode).toBe(204);
    // The last 5: the first password and four since, the current one included.
    for (const p of [TEST_PASSWORD, ...passwords])
      expect((await change(p)).json().error.code, p).toBe('AUTH_PASSWORD_REUSED');
    expect((await change('Kestrel-road#45')).statusCode).toBe(204);
    // Now the first has dropped out of the last 5.
    expect((await change(TEST_PASSWORD)).statusCode).toBe(204);
    const history = await ctx.db
      .selectFrom('passwordHistory')
      .select('passwordHash')
      .where('userId', '=', user.id)
      .execute();
    expect(history).toHaveLength(5);
    for (const h of history) expect(h.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('refuses a new password that breaks the policy, naming every broken rule', async () => {
    const user = await createUser(ctx, 'unit_clerk', 'SD-VEC', 'clerkliu');
    const client = await login(ctx, user.username);
    const change = (newPassword: string) =>
      client.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword });
    const cases: Array<[string, string[]]> = [
      ['Xq7#kd', ['PASSWORD_TOO_SHORT']],
      ['abcdefghijk', ['PASSWORD_TOO_FEW_CLASSES']],
      ['Password123', ['PASSWORD_COMMON']],
      ['Sh@ngdang2020', ['PASSWORD_COMMON']],
      ['Ch@ngzh1#2024', ['PASSWORD_COMMON']],
      ['Qx-clerkliu-9', ['PASSWORD_CONTAINS_USERNAME']],
      ['abc', ['PASSWORD_TOO_SHORT', 'PASSWORD_TOO_FEW_CLASSES', 'PASSWORD_COMMON']],
    ];
    for (const [newPassword, codes] of cases) {
      const res = await change(newPassword);
      expect(res.statusCode, newPassword).toBe(400);
      const error = res.json<{ error: { code: string; details: Array<{ field: string; code: string }> } }>()
        .error;
      expect(error.code).toBe('AUTH_PASSWORD_POLICY');
      expect(error.details.map((d) => d.field)).toEqual(codes.map(() => 'newPassword'));
      expect(error.details.map((d) => d.code)).toEqual(codes);
    }
    expect((await attempt(user.username, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('keeps a user who must change their password out of everything else until they do', async () => {
    await ctx.services.org.users.createUser(
      null,
      {
        username: 'newclerk',
        displayName: '新填报员',
        role: 'unit_clerk',
        orgUnitCode: 'SD-VHS',
        password: TEST_PASSWORD,
        mustChangePassword: true,
      },
      { id: null, name: 'test', orgUnitId: null, ip: null },
    );
    const res = await attempt('newclerk', TEST_PASSWORD);
    expect(res.json().user).toMatchObject({ restriction: 'password_change', permissions: [] });
    const client = await login(ctx, 'newclerk');
    const denied = await client.get('/api/plans');
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.code).toBe('AUTH_PASSWORD_CHANGE_REQUIRED');
    expect(
      (
        await client.post('/api/auth/password', {
          currentPassword: TEST_PASSWORD,
          newPassword: 'Neue-Pass#31',
        })
      ).statusCode,
    ).toBe(204);
    expect((await client.get('/api/plans')).statusCode).toBe(200);
    const row = await ctx.db
      .selectFrom('appUser')
      .select(['passwordHash', 'mustChangePassword'])
      .where('username', '=', 'newclerk')
      .executeTakeFirstOrThrow();
    expect(row.mustChangePassword).toBe(false);
    expect(row.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row.passwordHash).not.toContain('Neue-Pass#31');
  });

  it('refuses state-changing requests without the CSRF token or from a foreign Origin', async () => {
    const user = await createUser(ctx, 'viewer', 'SD-EDU');
    const client = await login(ctx, user.username);
    const logout = (headers: Record<string, string>) => post('/api/auth/logout', {}, headers);
    const attempts: Array<Record<string, string>> = [
      { cookie: client.cookie },
      { cookie: client.cookie, 'x-csrf-token': 'forged-token' },
      { cookie: client.cookie, 'x-csrf-token': client.csrf, origin: 'https://evil.example' },
    ];
    for (const headers of attempts) {
      const res = await logout(headers);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('AUTH_CSRF');
    }
    expect((await client.get('/api/auth/me')).statusCode).toBe(200);
    const foreignLogin = await post(
      '/api/auth/login',
      { username: user.username, password: TEST_PASSWORD },
      { origin: 'https://evil.example' },
    );
    expect(foreignLogin.statusCode).toBe(403);
    expect(foreignLogin.json().error.code).toBe('AUTH_CSRF');
    expect(foreignLogin.cookies).toEqual([]);
  });

  it('refuses every state-changing route of a signed-in user without the CSRF token', async () => {
    const user = await createUser(ctx, 'coordinator', 'SD-EDU');
    const client = await login(ctx, user.username);
    const unsafe = ctx.routes.filter((r) => !['GET', 'HEAD', 'OPTIONS'].includes(r.method));
    const guarded = unsafe.filter((r) => r.permission !== 'public');
    expect(guarded.length).toBeGreaterThan(10);
    for (const route of guarded) {
      const url = route.url.replace(/:[a-zA-Z]+/g, '00000000-0000-4000-8000-000000000000');
      const res = await ctx.app.inject({
        method: route.method as InjectOptions['method'],
        url,
        headers: { cookie: client.cookie },
        payload: {},
      });
      expect([res.statusCode, res.json().error.code], `${route.method} ${route.url}`).toEqual([
        403,
        'AUTH_CSRF',
      ]);
    }
  });

  it('names the cookie __Host-zj_session and marks it Secure behind https', async () => {
    const config = loadConfig({
      ZHIJIAO_DATA_DIR: ctx.config.dataDir,
      LOG_LEVEL: 'silent',
      ZHIJIAO_PUBLIC_URL: 'https://zhijiao.example.gov.cn',
    });
    const crypto = createFieldCrypto(randomBytes(32));
    const logged: string[] = [];
    const { app } = await buildApp({
      config,
      db: ctx.db,
      dbKind: ctx.database.kind,
      clock: ctx.clock,
      crypto,
      logger: { level: 'error', stream: { write: (line: string) => logged.push(line) } },
    });
    try {
      const user = await createUser(ctx, 'viewer', 'SD-EDU');
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: user.username, password: TEST_PASSWORD },
      });
      expect(res.statusCode, logged.join('\n')).toBe(200);
      expect(res.headers['set-cookie']).toMatch(
        /^__Host-zj_session=[\w-]{43}; Path=\/; HttpOnly; Secure; SameSite=Strict$/,
      );
    } finally {
      await app.close();
    }
  });

  it('never sends a Set-Cookie without HttpOnly and SameSite=Strict', () => {
    expect(setCookies.length).toBeGreaterThan(10);
    for (const header of setCookies) {
      expect(header).toMatch(/; HttpOnly/);
      expect(header).toMatch(/; SameSite=Strict/);
    }
  });
});
