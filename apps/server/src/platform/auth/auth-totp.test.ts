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
    const begin = await client.post('/api/auth/totp', { currentPassword: TEST_PASSWORD });
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
      await first.post('/api/auth/totp', { currentPassword: TEST_PASSWORD });
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
    // Enrolment ended the password-only session opened before it.
    const reEnrol = await early.post('/api/auth/totp', { currentPassword: TEST_PASSWORD });
    expect(reEnrol.statusCode).toBe(401);
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
    expect([bare.statusCode, bare.json().error.code]).toEqual([400, 'VALIDATION_FAILED']);
    // A wrong password, a wrong code or no code: one answer, naming both fields, not saying which.
    const bad = String((Number(codeNow(oldSecret)) + 1) % 1_000_000).padStart(6, '0');
    const answers = await Promise.all(
      [
        { currentPassword: 'Not-mine#2026', code: codeNow(oldSecret) },
        { currentPassword: TEST_PASSWORD, code: bad },
        { currentPassword: TEST_PASSWORD },
      ].map((proof) => client.post('/api/auth/totp', proof)),
    );
    for (const answer of answers) {
      expect(answer.statusCode).toBe(400);
      expect(answer.json().error.details).toEqual([
        expect.objectContaining({
          field: 'currentPassword',
          code: 'WRONG_PASSWORD_OR_CODE',
          message: '当前密码或动态验证码不正确',
        }),
        expect.objectContaining({ field: 'code', code: 'WRONG_PASSWORD_OR_CODE' }),
      ]);
    }
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);

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

/**
 * What enrolment does to the account's sessions, and what a session holder must prove to begin it
 * or to change the password: each wrong proof counts as a failed sign-in.
 */
describe('TOTP enrolment: sessions and proofs', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
    await seedShangdang(ctx);
  });
  afterAll(() => ctx?.close());

  const codeNow = (secret: string) => totpCode(secret, ctx.clock.now().getTime());
  const wrongCode = (secret: string) => String((Number(codeNow(secret)) + 1) % 1_000_000).padStart(6, '0');
  async function enrol(client: Client, proof: { currentPassword: string; code?: string }) {
    const begin = await client.post('/api/auth/totp', proof);
    expect(begin.statusCode, begin.body).toBe(200);
    const { secret } = begin.json<{ secret: string }>();
    const confirm = await client.post('/api/auth/totp/confirmation', { code: codeNow(secret) });
    expect(confirm.statusCode, confirm.body).toBe(204);
    return secret;
  }
  const lockState = (userId: string) =>
    ctx.db
      .selectFrom('appUser')
      .select(['failedAttempts', 'lockedUntil'])
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
  const failures = (userId: string, action: string) =>
    ctx.db
      .selectFrom('auditLog')
      .select('details')
      .where('objectId', '=', userId)
      .where('action', '=', action)
      .where('result', '=', 'failure')
      .execute();

  it('ends the other sessions of the account when TOTP is confirmed: first enrolment and replacement', async () => {
    const clerk = await createUser(ctx, 'unit_clerk', 'SD-VHS');
    const desk = await login(ctx, clerk.username);
    const phone = await login(ctx, clerk.username);
    const secret = await enrol(desk, { currentPassword: TEST_PASSWORD });
    expect((await phone.get('/api/auth/me')).statusCode).toBe(401);
    expect((await desk.get('/api/auth/me')).statusCode).toBe(200);

    ctx.clock.advance(30_000);
    const laptop = await login(ctx, clerk.username, TEST_PASSWORD, codeNow(secret));
    ctx.clock.advance(30_000);
    const tablet = await login(ctx, clerk.username, TEST_PASSWORD, codeNow(secret));
    ctx.clock.advance(30_000);
    await enrol(laptop, { currentPassword: TEST_PASSWORD, code: codeNow(secret) });
    for (const client of [desk, tablet]) expect((await client.get('/api/auth/me')).statusCode).toBe(401);
    expect((await laptop.get('/api/auth/me')).statusCode).toBe(200);
    const open = await ctx.db
      .selectFrom('userSession')
      .select('id')
      .where('userId', '=', clerk.id)
      .where('endedAt', 'is', null)
      .execute();
    expect(open).toHaveLength(1);
  });

  it('refuses a session without the second factor once its account has TOTP on', async () => {
    const clerk = await createUser(ctx, 'unit_clerk', 'SD-VHS');
    const old = await login(ctx, clerk.username);
    expect((await old.get('/api/auth/me')).statusCode).toBe(200);
    // As if the session had outlived an enrolment (e.g. one made before this rule).
    await ctx.db
      .updateTable('appUser')
      .set({ totpEnabled: true, totpSecretEnc: ctx.crypto.encrypt('JBSWY3DPEHPK3PXP') })
      .where('id', '=', clerk.id)
      .execute();
    expect((await old.get('/api/auth/me')).statusCode).toBe(401);
    const session = await ctx.db
      .selectFrom('userSession')
      .select('endedAt')
      .where('userId', '=', clerk.id)
      .executeTakeFirstOrThrow();
    expect(session.endedAt).not.toBeNull();
  });

  it('asks for the password to begin a first enrolment, so a stolen session cannot turn TOTP on', async () => {
    const clerk = await createUser(ctx, 'unit_clerk', 'SD-VHS');
    const client = await login(ctx, clerk.username);
    const bare = await client.post('/api/auth/totp');
    expect([bare.statusCode, bare.json().error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const wrong = await client.post('/api/auth/totp', { currentPassword: 'Not-mine#2026' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details).toEqual([
      expect.objectContaining({
        field: 'currentPassword',
        code: 'WRONG_PASSWORD',
        message: '当前密码不正确',
      }),
    ]);
    const row = await ctx.db
      .selectFrom('appUser')
      .select(['totpPendingSecretEnc', 'totpEnabled'])
      .where('id', '=', clerk.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ totpPendingSecretEnc: null, totpEnabled: false });
    expect(await lockState(clerk.id)).toMatchObject({ failedAttempts: 1 });
    await enrol(client, { currentPassword: TEST_PASSWORD });
  });

  it('counts each wrong proof to replace a secret as a failed sign-in and ends the session at the lock', async () => {
    const admin = await createUser(ctx, 'security_admin', 'SD');
    const client = await login(ctx, admin.username);
    const secret = await enrol(client, { currentPassword: TEST_PASSWORD });
    ctx.clock.advance(30_000);
    for (let i = 1; i <= 4; i++) {
      const proof =
        i % 2
          ? { currentPassword: `Guess-${i}#2026`, code: codeNow(secret) }
          : { currentPassword: TEST_PASSWORD, code: wrongCode(secret) };
      const res = await client.post('/api/auth/totp', proof);
      expect(res.json().error.details.map((d: { code: string }) => d.code)).toEqual([
        'WRONG_PASSWORD_OR_CODE',
        'WRONG_PASSWORD_OR_CODE',
      ]);
      expect(await lockState(admin.id)).toMatchObject({ failedAttempts: i, lockedUntil: null });
      expect((await client.get('/api/auth/me')).statusCode).toBe(200);
    }
    const fifth = await client.post('/api/auth/totp', {
      currentPassword: 'Guess-5#2026',
      code: codeNow(secret),
    });
    expect(fifth.statusCode).toBe(400);
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
    expect((await lockState(admin.id)).lockedUntil).not.toBeNull();
    expect(await failures(admin.id, 'auth.totp_begin')).toHaveLength(5);
    const locks = await ctx.db
      .selectFrom('auditLog')
      .select('seq')
      .where('action', '=', 'auth.lock')
      .where('objectId', '=', admin.id)
      .execute();
    expect(locks).toHaveLength(1);
    // The lock holds against the address the guesses came from, as after 5 wrong sign-ins.
    ctx.clock.advance(30_000);
    const again = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: admin.username, password: TEST_PASSWORD, totp: codeNow(secret) },
    });
    expect([again.statusCode, again.json().error.code]).toEqual([401, 'AUTH_INVALID_CREDENTIALS']);
  });

  it('counts each wrong current password of a password change as a failed sign-in and ends the session at the lock', async () => {
    const clerk = await createUser(ctx, 'unit_clerk', 'SD-VHS');
    const client = await login(ctx, clerk.username);
    const change = (currentPassword: string) =>
      client.post('/api/auth/password', { currentPassword, newPassword: 'Brand-new#2027' });
    for (let i = 1; i <= 4; i++) {
      const res = await change(`Guess-${i}#2026`);
      expect([res.statusCode, res.json().error.details[0].code]).toEqual([400, 'WRONG_PASSWORD']);
      expect(await lockState(clerk.id)).toMatchObject({ failedAttempts: i });
    }
    expect((await client.get('/api/auth/me')).statusCode).toBe(200);
    expect((await change('Guess-5#2026')).statusCode).toBe(400);
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
    expect(await failures(clerk.id, 'auth.password_change')).toHaveLength(5);
  });
});
