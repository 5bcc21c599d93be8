import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  createUser,
  login,
  seedShangdang,
  TEST_PASSWORD,
  type Client,
  type TestContext,
} from '../../test/test-context.ts';
import { totpCode } from './totp.ts';

/** Administrators' second factor, and what a session without it may not do. */
describe('administrator second factor (TOTP) and account disabling', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
    await seedShangdang(ctx);
  });
  afterAll(() => ctx?.close());

  const attempt = (username: string, totp?: string) =>
    ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: TEST_PASSWORD, ...(totp ? { totp } : {}) },
    });
  const codeNow = (secret: string) => totpCode(secret, ctx.clock.now().getTime());

  async function enrol(client: Client): Promise<string> {
    const begin = await client.post('/api/auth/totp');
    expect(begin.statusCode).toBe(200);
    const { secret, otpauthUrl } = begin.json<{ secret: string; otpauthUrl: string }>();
    expect(otpauthUrl).toContain(`secret=${secret}`);
    expect((await client.post('/api/auth/totp/confirmation', { code: codeNow(secret) })).statusCode).toBe(
      204,
    );
    return secret;
  }

  it('gives a password-only system administrator a session restricted to TOTP enrolment', async () => {
    const admin = await createUser(ctx, 'system_admin', 'SD');
    const res = await attempt(admin.username);
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({
      restriction: 'totp_enrolment',
      permissions: [],
      totpEnabled: false,
    });
    const client = await login(ctx, admin.username);
    for (const url of ['/api/admin/users', '/api/org-units', '/api/plans']) {
      const denied = await client.get(url);
      expect(denied.statusCode, url).toBe(403);
      expect(denied.json().error.code).toBe('AUTH_TOTP_ENROLMENT_REQUIRED');
    }
    const create = await client.post('/api/admin/users', {
      username: 'sneaky',
      displayName: 'x',
      role: 'viewer',
      orgUnitCode: 'SD',
    });
    expect(create.json().error.code).toBe('AUTH_TOTP_ENROLMENT_REQUIRED');
    expect(
      await ctx.db.selectFrom('appUser').select('id').where('username', '=', 'sneaky').execute(),
    ).toEqual([]);
  });

  it('enrols TOTP, then requires the code at sign-in and accepts each code only once', async () => {
    const admin = await createUser(ctx, 'system_admin', 'SD');
    const first = await login(ctx, admin.username);
    const wrong = await (async () => {
      await first.post('/api/auth/totp');
      return first.post('/api/auth/totp/confirmation', { code: '000000' });
    })();
    expect([wrong.statusCode, wrong.json().error.code]).toEqual([400, 'AUTH_TOTP_INVALID']);
    const secret = await enrol(first);
    const stored = await ctx.db
      .selectFrom('appUser')
      .select(['totpSecretEnc', 'totpEnabled'])
      .where('id', '=', admin.id)
      .executeTakeFirstOrThrow();
    expect(stored.totpEnabled).toBe(true);
    expect(stored.totpSecretEnc).not.toContain(secret);
    // The enrolling session now carries the second factor.
    expect((await first.get('/api/admin/users')).statusCode).toBe(200);
    expect((await first.get('/api/auth/me')).json().user).toMatchObject({
      restriction: null,
      totpEnabled: true,
    });

    const noCode = await attempt(admin.username);
    expect([noCode.statusCode, noCode.json().error.code]).toEqual([401, 'AUTH_TOTP_REQUIRED']);
    expect(noCode.cookies).toEqual([]);
    // The code used to confirm enrolment is spent.
    const replayedEnrolment = await attempt(admin.username, codeNow(secret));
    expect([replayedEnrolment.statusCode, replayedEnrolment.json().error.code]).toEqual([
      401,
      'AUTH_TOTP_INVALID',
    ]);

    ctx.clock.advance(30_000);
    const code = codeNow(secret);
    const client = await login(ctx, admin.username, TEST_PASSWORD, code);
    const users = await client.get('/api/admin/users');
    expect(users.statusCode).toBe(200);
    expect(users.json().items.map((u: { username: string }) => u.username)).toContain(admin.username);
    const replay = await attempt(admin.username, code);
    expect([replay.statusCode, replay.json().error.code]).toEqual([401, 'AUTH_TOTP_INVALID']);
    const sessions = await ctx.db
      .selectFrom('userSession')
      .select('mfa')
      .where('userId', '=', admin.id)
      .orderBy('createdAt')
      .execute();
    expect(sessions.map((s) => s.mfa)).toEqual([true, true]);
    const failures = await ctx.db
      .selectFrom('auditLog')
      .select('details')
      .where('actorId', '=', admin.id)
      .where('result', '=', 'failure')
      .execute();
    expect(failures.map((f) => f.details.reason)).toEqual(['wrong_totp', 'wrong_totp']);
  });

  it('accepts a code once even when concurrent sign-ins present it together', async () => {
    const admin = await createUser(ctx, 'audit_admin', 'SD');
    const secret = await enrol(await login(ctx, admin.username));
    ctx.clock.advance(30_000);
    const code = codeNow(secret);
    const results = await Promise.all([1, 2, 3, 4].map(() => attempt(admin.username, code)));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 401, 401, 401]);
    expect(results.filter((r) => r.statusCode === 401).map((r) => r.json().error.code)).toEqual(
      Array(3).fill('AUTH_TOTP_INVALID'),
    );
    const sessions = await ctx.db
      .selectFrom('userSession')
      .select('id')
      .where('userId', '=', admin.id)
      .execute();
    expect(sessions).toHaveLength(2);
  });

  it('refuses a wrong code and does not let a password-only session re-enrol an enrolled account', async () => {
    const admin = await createUser(ctx, 'security_admin', 'SD');
    const early = await login(ctx, admin.username);
    const enrolled = await login(ctx, admin.username);
    const secret = await enrol(enrolled);
    ctx.clock.advance(30_000);
    const bad = String((Number(codeNow(secret)) + 1) % 1_000_000).padStart(6, '0');
    expect((await attempt(admin.username, bad)).json().error.code).toBe('AUTH_TOTP_INVALID');
    const reEnrol = await early.post('/api/auth/totp');
    expect(reEnrol.statusCode).toBe(403);
    const row = await ctx.db
      .selectFrom('appUser')
      .select('totpEnabled')
      .where('id', '=', admin.id)
      .executeTakeFirstOrThrow();
    expect(row.totpEnabled).toBe(true);
    expect((await attempt(admin.username, codeNow(secret))).statusCode).toBe(200);
  });

  it('asks a non-administrator who enabled TOTP for the code at every sign-in', async () => {
    const clerk = await createUser(ctx, 'unit_clerk', 'SD-VHS');
    const secret = await enrol(await login(ctx, clerk.username));
    const noCode = await attempt(clerk.username);
    expect([noCode.statusCode, noCode.json().error.code]).toEqual([401, 'AUTH_TOTP_REQUIRED']);
    expect(noCode.cookies).toEqual([]);
    ctx.clock.advance(30_000);
    const bad = String((Number(codeNow(secret)) + 1) % 1_000_000).padStart(6, '0');
    expect((await attempt(clerk.username, bad)).json().error.code).toBe('AUTH_TOTP_INVALID');
    const ok = await attempt(clerk.username, codeNow(secret));
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user).toMatchObject({ restriction: null, totpEnabled: true });
    const session = await ctx.db
      .selectFrom('userSession')
      .select('mfa')
      .where('userId', '=', clerk.id)
      .orderBy('createdAt', 'desc')
      .executeTakeFirstOrThrow();
    expect(session.mfa).toBe(true);
  });

  it('replaces an active secret only with the password and a current code; the old one holds until then', async () => {
    const admin = await createUser(ctx, 'system_admin', 'SD');
    const client = await login(ctx, admin.username);
    const oldSecret = await enrol(client);
    ctx.clock.advance(30_000);

    const bare = await client.post('/api/auth/totp');
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.details.map((d: { field: string }) => d.field)).toEqual([
      'currentPassword',
      'code',
    ]);
    const wrongPassword = await client.post('/api/auth/totp', {
      currentPassword: 'Not-mine#2026',
      code: codeNow(oldSecret),
    });
    expect(wrongPassword.statusCode).toBe(400);
    expect(wrongPassword.json().error.details).toEqual([
      expect.objectContaining({
        field: 'currentPassword',
        code: 'WRONG_PASSWORD',
        message: '当前密码不正确',
      }),
    ]);
    const bad = String((Number(codeNow(oldSecret)) + 1) % 1_000_000).padStart(6, '0');
    const wrongCode = await client.post('/api/auth/totp', { currentPassword: TEST_PASSWORD, code: bad });
    expect(wrongCode.json().error.details).toEqual([
      expect.objectContaining({ field: 'code', code: 'AUTH_TOTP_INVALID' }),
    ]);

    const begin = await client.post('/api/auth/totp', {
      currentPassword: TEST_PASSWORD,
      code: codeNow(oldSecret),
    });
    expect(begin.statusCode).toBe(200);
    const newSecret = begin.json<{ secret: string }>().secret;
    expect(newSecret).not.toBe(oldSecret);
    // Not confirmed yet: the old secret is still the one sign-in asks for.
    ctx.clock.advance(30_000);
    expect((await attempt(admin.username, codeNow(newSecret))).json().error.code).toBe('AUTH_TOTP_INVALID');
    ctx.clock.advance(30_000);
    expect((await attempt(admin.username, codeNow(oldSecret))).statusCode).toBe(200);
    ctx.clock.advance(30_000);
    expect((await client.post('/api/auth/totp/confirmation', { code: codeNow(newSecret) })).statusCode).toBe(
      204,
    );
    ctx.clock.advance(30_000);
    expect((await attempt(admin.username, codeNow(oldSecret))).json().error.code).toBe('AUTH_TOTP_INVALID');
    ctx.clock.advance(30_000);
    expect((await attempt(admin.username, codeNow(newSecret))).statusCode).toBe(200);
    const begins = await ctx.db
      .selectFrom('auditLog')
      .select(['result'])
      .where('action', '=', 'auth.totp_begin')
      .where('objectId', '=', admin.id)
      .orderBy('seq')
      .execute();
    expect(begins.map((b) => b.result)).toEqual(['success', 'failure', 'failure', 'failure', 'success']);
  });

  it('ends every session of a user a system administrator disables, and refuses their sign-in', async () => {
    const admin = await createUser(ctx, 'system_admin', 'SD');
    const adminClient = await login(ctx, admin.username);
    await enrol(adminClient);
    const clerk = await createUser(ctx, 'unit_clerk', 'SD-VHS');
    const phone = await login(ctx, clerk.username);
    const desk = await login(ctx, clerk.username);
    expect((await phone.get('/api/plans')).statusCode).toBe(200);

    const res = await adminClient.patch(`/api/admin/users/${clerk.id}`, { disabled: true });
    expect(res.statusCode).toBe(204);
    for (const client of [phone, desk]) expect((await client.get('/api/auth/me')).statusCode).toBe(401);
    const open = await ctx.db
      .selectFrom('userSession')
      .select('id')
      .where('userId', '=', clerk.id)
      .where('endedAt', 'is', null)
      .execute();
    expect(open).toEqual([]);
    const again = await attempt(clerk.username);
    expect([again.statusCode, again.json().error.code]).toEqual([401, 'AUTH_DISABLED']);
    const audit = await ctx.db
      .selectFrom('auditLog')
      .select(['actorId', 'objectId'])
      .where('action', '=', 'user.disable')
      .execute();
    expect(audit).toEqual([{ actorId: admin.id, objectId: clerk.id }]);
  });
});
