import { ADMIN_ROLES, ROLE_PERMISSIONS, type Role } from '@zhijiao/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPasswordPolicy } from '../../platform/auth/password-policy.ts';
import {
  createTestContext,
  createUser,
  login,
  seedShangdang,
  TEST_PASSWORD,
  type Client,
  type TestContext,
} from '../../test/test-context.ts';
import { adminClient as enrolledAdmin, del } from './org-test-helpers.ts';

/** Accounts under the three separated administrator roles (三权分立). */
describe('account management by the three administrator roles', () => {
  let ctx: TestContext;
  let sysAdmin: Client;
  let secAdmin: Client;
  let auditAdmin: Client;
  beforeAll(async () => {
    ctx = await createTestContext();
    await seedShangdang(ctx);
    sysAdmin = await adminClient('system_admin');
    secAdmin = await adminClient('security_admin');
    auditAdmin = await adminClient('audit_admin');
  });
  afterAll(() => ctx?.close());

  const adminClient = (role: Role) => enrolledAdmin(ctx, role);
  const userRow = (username: string) =>
    ctx.db.selectFrom('appUser').selectAll().where('username', '=', username).executeTakeFirst();
  const auditRows = (action: string, objectId: string) =>
    ctx.db
      .selectFrom('auditLog')
      .select(['actorName', 'details'])
      .where('action', '=', action)
      .where('objectId', '=', objectId)
      .execute();
  const newClerk = { displayName: '李填报', orgUnitCode: 'SD-VHS' };
  const code = (res: { json(): { error: { code: string } } }) => res.json().error.code;

  it('lets the system administrator create an account without a role, with a one-time password', async () => {
    const res = await sysAdmin.post('/api/admin/users', { ...newClerk, username: 'li.clerk' });
    expect(res.statusCode).toBe(201);
    const { user, initialPassword } = res.json<{
      user: { id: string; role: string | null };
      initialPassword: string;
    }>();
    expect(user.role).toBeNull();
    expect(initialPassword).toHaveLength(14);
    expect(checkPasswordPolicy(initialPassword, { username: 'li.clerk' })).toEqual({ ok: true });
    const row = await userRow('li.clerk');
    expect(row).toMatchObject({ id: user.id, role: null, mustChangePassword: true });
    expect(row!.passwordHash).toMatch(/^\$argon2id\$/);
    const audit = await auditRows('user.create', user.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toEqual({ username: 'li.clerk', role: null, org: 'SD-VHS' });
    const first = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'li.clerk', password: initialPassword },
    });
    expect(first.json().user.restriction).toBe('password_change');
  });

  it('does not let the system administrator create administrators, change roles or read the audit log', async () => {
    for (const role of [...ADMIN_ROLES, 'unit_clerk']) {
      const res = await sysAdmin.post('/api/admin/users', { ...newClerk, role, username: `x.${role}` });
      expect([res.statusCode, code(res)], role).toEqual([400, 'VALIDATION_FAILED']);
      expect(res.json().error.details[0]).toMatchObject({ field: 'body.role', code: 'UNKNOWN_FIELD' });
      expect(await userRow(`x.${role}`)).toBeUndefined();
    }
    const clerk = await createUser(ctx, 'unit_clerk', 'SD-VEC');
    const roleChange = await sysAdmin.put(`/api/admin/users/${clerk.id}/role`, {
      role: 'coordinator',
      orgUnitCode: 'SD-VEC',
    });
    expect([roleChange.statusCode, code(roleChange)]).toEqual([403, 'FORBIDDEN']);
    const revoke = await del(sysAdmin, `/api/admin/users/${clerk.id}/role`);
    expect([revoke.statusCode, code(revoke)]).toEqual([403, 'FORBIDDEN']);
    const patch = await sysAdmin.patch(`/api/admin/users/${clerk.id}`, { role: 'coordinator' });
    expect([patch.statusCode, code(patch)]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await userRow(clerk.username))!.role).toBe('unit_clerk');
    for (const req of [sysAdmin.get('/api/audit'), sysAdmin.post('/api/audit/verification')]) {
      const res = await req;
      expect([res.statusCode, code(res)]).toEqual([403, 'FORBIDDEN']);
    }
    const denials = await ctx.db
      .selectFrom('auditLog')
      .select('details')
      .where('action', '=', 'access.denied')
      .where('result', '=', 'denied')
      .execute();
    expect(denials.map((d) => d.details.route)).toEqual(
      expect.arrayContaining(['/api/audit', '/api/audit/verification']),
    );
  });

  it('lets the security administrator change a business role, unlock and reset a password', async () => {
    const clerk = await createUser(ctx, 'unit_clerk', 'SD-HS1');
    const session = await login(ctx, clerk.username);
    const res = await secAdmin.put(`/api/admin/users/${clerk.id}/role`, {
      role: 'viewer',
      orgUnitCode: 'SD-HS1',
    });
    expect(res.statusCode).toBe(204);
    expect((await userRow(clerk.username))!.role).toBe('viewer');
    expect((await session.get('/api/auth/me')).statusCode).toBe(401);
    expect((await auditRows('user.role_grant', clerk.id))[0]!.details).toEqual({
      username: clerk.username,
      from: { role: 'unit_clerk', org: 'SD-HS1' },
      to: { role: 'viewer', org: 'SD-HS1' },
    });
    const toAdmin = await secAdmin.put(`/api/admin/users/${clerk.id}/role`, {
      role: 'system_admin',
      orgUnitCode: 'SD',
    });
    expect([toAdmin.statusCode, code(toAdmin)]).toEqual([403, 'USER_ROLE_NOT_ASSIGNABLE']);

    const signIn = (password: string) =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: clerk.username, password },
      });
    for (let i = 0; i < 5; i++) await signIn('Wrong-pass#0');
    // Locked: answered exactly like a wrong password (no account enumeration).
    expect((await signIn(TEST_PASSWORD)).statusCode).toBe(401);
    expect((await secAdmin.post(`/api/admin/users/${clerk.id}/unlock`)).statusCode).toBe(204);
    expect((await signIn(TEST_PASSWORD)).statusCode).toBe(200);
    expect(await auditRows('user.unlock', clerk.id)).toHaveLength(1);

    const reset = await secAdmin.post(`/api/admin/users/${clerk.id}/password-reset`);
    expect(reset.statusCode).toBe(200);
    const { initialPassword } = reset.json<{ initialPassword: string }>();
    expect(checkPasswordPolicy(initialPassword, { username: clerk.username }).ok).toBe(true);
    expect((await signIn(TEST_PASSWORD)).statusCode).toBe(401);
    const fresh = await signIn(initialPassword);
    expect(fresh.json().user.restriction).toBe('password_change');
    expect(await auditRows('user.password_reset', clerk.id)).toHaveLength(1);

    // Another administrator's password is never reset from the web: only an operator can.
    const otherAdmin = await createUser(ctx, 'audit_admin', 'SD');
    const refused = await secAdmin.post(`/api/admin/users/${otherAdmin.id}/password-reset`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('USER_ROLE_NOT_ASSIGNABLE');
  });

  it('does not let the security administrator create or disable accounts, or read the audit log', async () => {
    const clerk = await createUser(ctx, 'unit_clerk', 'SD-HS1');
    const create = await secAdmin.post('/api/admin/users', { ...newClerk, username: 'by.security' });
    expect([create.statusCode, code(create)]).toEqual([403, 'FORBIDDEN']);
    expect(await userRow('by.security')).toBeUndefined();
    const disable = await secAdmin.patch(`/api/admin/users/${clerk.id}`, { disabled: true });
    expect([disable.statusCode, code(disable)]).toEqual([403, 'FORBIDDEN']);
    expect((await userRow(clerk.username))!.disabledAt).toBeNull();
    for (const req of [secAdmin.get('/api/audit'), secAdmin.post('/api/audit/verification')])
      expect((await req).statusCode).toBe(403);
  });

  it('lets the audit administrator read and verify the audit log and change nothing', async () => {
    const list = await auditAdmin.get('/api/audit?limit=500');
    expect(list.statusCode).toBe(200);
    const items = list.json<{ items: Array<{ seq: number; action: string }> }>().items;
    const { count } = await ctx.db
      .selectFrom('auditLog')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    expect(items).toHaveLength(count);
    expect(items.map((i) => i.action)).toEqual(expect.arrayContaining(['plan.import', 'user.create']));
    const verify = await auditAdmin.post('/api/audit/verification');
    expect(verify.statusCode).toBe(200);
    expect(verify.json()).toMatchObject({ ok: true, rows: count, headSeq: count, problems: [] });
    const [last] = await ctx.db
      .selectFrom('auditLog')
      .select('action')
      .orderBy('seq', 'desc')
      .limit(1)
      .execute();
    expect(last!.action).toBe('audit.verify');

    const clerk = await createUser(ctx, 'unit_clerk', 'SD-HS1');
    const writes = [
      auditAdmin.post('/api/admin/users', { ...newClerk, username: 'by.audit' }),
      auditAdmin.patch(`/api/admin/users/${clerk.id}`, { disabled: true }),
      auditAdmin.put(`/api/admin/users/${clerk.id}/role`, { role: 'viewer', orgUnitCode: 'SD' }),
      del(auditAdmin, `/api/admin/users/${clerk.id}/role`),
      auditAdmin.post(`/api/admin/users/${clerk.id}/unlock`),
      auditAdmin.post(`/api/admin/users/${clerk.id}/password-reset`),
      auditAdmin.post('/api/org-units', {
        code: 'SD-NEW',
        name: '新单位',
        fullName: '上党区新单位',
        type: 'school',
        parentCode: 'SD-EDU',
      }),
    ];
    for (const res of await Promise.all(writes))
      expect([res.statusCode, code(res)]).toEqual([403, 'FORBIDDEN']);
    expect((await auditAdmin.get('/api/admin/users')).statusCode).toBe(403);
    const after = await userRow(clerk.username);
    expect(after).toMatchObject({ role: 'unit_clerk', disabledAt: null, passwordHash: expect.any(String) });
    expect(await userRow('by.audit')).toBeUndefined();
  });

  it('keeps each administrator power in exactly one role, and one role per account', async () => {
    const powers = ['org.manage', 'user.manage', 'user.security', 'audit.read', 'audit.verify'] as const;
    for (const power of powers) {
      const holders = ADMIN_ROLES.filter((r) => ROLE_PERMISSIONS[r].includes(power));
      expect(holders, power).toHaveLength(1);
    }
    for (const a of ADMIN_ROLES)
      for (const b of ADMIN_ROLES) {
        if (a === b) continue;
        const shared = ROLE_PERMISSIONS[a].filter((p) => ROLE_PERMISSIONS[b].includes(p));
        // Only the read-only org directory is shared (both account administrators pick units from it).
        expect(shared, `${a} ∩ ${b}`).toEqual(shared.length ? ['org.read'] : []);
      }
    expect(ROLE_PERMISSIONS.audit_admin.filter((p) => !p.startsWith('audit.'))).toEqual([]);
    const columns = await sql<{ columnName: string; dataType: string }>`
      SELECT column_name, data_type FROM information_schema.columns
      WHERE table_name = 'app_user' AND column_name LIKE '%role%'`.execute(ctx.db);
    expect(columns.rows).toEqual([{ columnName: 'role', dataType: 'text' }]);
  });

  it('names the field of a bad username or an unknown org unit', async () => {
    for (const username of ['9lives', 'li clerk', 'zhang@san']) {
      const res = await sysAdmin.post('/api/admin/users', { ...newClerk, username });
      expect(res.statusCode, username).toBe(400);
      expect(res.json().error.details[0].field).toBe('username');
    }
    const res = await sysAdmin.post('/api/admin/users', {
      ...newClerk,
      username: 'ok.name',
      orgUnitCode: 'NOPE',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({ field: 'orgUnitCode', code: 'ORG_UNIT_UNKNOWN' });
    expect(await userRow('ok.name')).toBeUndefined();
    await createUser(ctx, 'viewer', 'SD', 'dup.user');
    const dup = await sysAdmin.post('/api/admin/users', { ...newClerk, username: 'DUP.USER' });
    expect([dup.statusCode, code(dup)]).toEqual([409, 'CONFLICT']);
    expect(
      await ctx.db
        .selectFrom('auditLog')
        .select('seq')
        .where('details', '@>', sql<never>`'{"username":"DUP.USER"}'`)
        .execute(),
    ).toEqual([]);
  });
});
