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
import { residentIdCheckChar } from '../../platform/validation/identifiers.ts';
import { adminClient, del } from './org-test-helpers.ts';

/**
 * 三权分立 at account creation (issue 11, defect 4): the system administrator alone must not be
 * able to make an account that reads the district's teachers and candidates. It creates accounts
 * without a role; the security administrator grants the role and its scope, audited.
 */
describe('business roles granted by the security administrator', () => {
  let ctx: TestContext;
  let sysAdmin: Client;
  let secAdmin: Client;
  beforeAll(async () => {
    ctx = await createTestContext();
    await seedShangdang(ctx);
    sysAdmin = await adminClient(ctx, 'system_admin', 'grant.sys');
    secAdmin = await adminClient(ctx, 'security_admin', 'grant.sec');
  });
  afterAll(() => ctx?.close());

  const code = (res: { json(): { error: { code: string } } }) => res.json().error.code;
  const userRow = (username: string) =>
    ctx.db.selectFrom('appUser').selectAll().where('username', '=', username).executeTakeFirst();
  const unitId = async (code: string) =>
    (await ctx.db.selectFrom('orgUnit').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  const auditRows = (action: string, objectId: string) =>
    ctx.db
      .selectFrom('auditLog')
      .select(['actorName', 'details', 'result'])
      .where('action', '=', action)
      .where('objectId', '=', objectId)
      .orderBy('seq')
      .execute();
  /** A teacher on a school's register, added by its clerk; returns the teacher's id. */
  async function addTeacher(schoolCode: string): Promise<string> {
    const clerk = await login(ctx, (await createUser(ctx, 'unit_clerk', schoolCode)).username);
    const id = '140404198503010011';
    const res = await clerk.post('/api/teachers', {
      schoolId: await unitId(schoolCode),
      idNumber: id.slice(0, 17) + residentIdCheckChar(id.slice(0, 17)),
      name: '王老师',
      education: 'bachelor',
      professionalTitle: 'intermediate',
      series: 'full_time',
      hireDate: '2010-09-01',
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ teacher: { id: string } }>().teacher.id;
  }
  /** Signs in with the one-time password and sets a real one, as the new user would. */
  async function firstSignIn(username: string, initialPassword: string): Promise<Client> {
    const first = await login(ctx, username, initialPassword);
    const changed = await first.post('/api/auth/password', {
      currentPassword: initialPassword,
      newPassword: TEST_PASSWORD,
    });
    expect(changed.statusCode, changed.body).toBe(204);
    return login(ctx, username);
  }

  it('refuses a coordinator from the system administrator alone: the account has no role and reads no teacher until the security administrator grants one, audited', async () => {
    const teacherId = await addTeacher('SD-VHS');

    const withRole = await sysAdmin.post('/api/admin/users', {
      username: 'zhao.coord',
      displayName: '赵统筹',
      role: 'coordinator',
      orgUnitCode: 'SD-EDU',
    });
    expect([withRole.statusCode, code(withRole)]).toEqual([400, 'VALIDATION_FAILED']);
    expect(withRole.json().error.details[0]).toMatchObject({ field: 'body.role', code: 'UNKNOWN_FIELD' });
    expect(await userRow('zhao.coord')).toBeUndefined();

    const created = await sysAdmin.post('/api/admin/users', {
      username: 'zhao.coord',
      displayName: '赵统筹',
      orgUnitCode: 'SD-EDU',
    });
    expect(created.statusCode).toBe(201);
    const { user, initialPassword } = created.json<{
      user: { id: string; role: string | null };
      initialPassword: string;
    }>();
    expect(user.role).toBeNull();
    expect((await userRow('zhao.coord'))!.role).toBeNull();
    expect((await auditRows('user.create', user.id))[0]!.details).toEqual({
      username: 'zhao.coord',
      role: null,
      org: 'SD-EDU',
    });

    // Signed in, it may change its password and see who it is, and nothing of the business.
    const waiting = await firstSignIn('zhao.coord', initialPassword);
    const me = (await waiting.get('/api/auth/me')).json<{ user: Record<string, unknown> }>().user;
    expect(me).toMatchObject({ role: null, permissions: [], restriction: null });
    for (const url of [
      '/api/teachers',
      `/api/teachers/${teacherId}`,
      '/api/enrollment/seasons',
      '/api/plans',
      '/api/org-units',
      '/api/admin/users',
    ]) {
      const res = await waiting.get(url);
      expect([res.statusCode, code(res)], url).toEqual([403, 'FORBIDDEN']);
    }

    // The system administrator cannot grant it either: that is the security administrator's part.
    const bySys = await sysAdmin.put(`/api/admin/users/${user.id}/role`, {
      role: 'coordinator',
      orgUnitCode: 'SD-EDU',
    });
    expect([bySys.statusCode, code(bySys)]).toEqual([403, 'FORBIDDEN']);
    const patched = await sysAdmin.patch(`/api/admin/users/${user.id}`, { role: 'coordinator' });
    expect(patched.statusCode).toBe(400);
    expect((await userRow('zhao.coord'))!.role).toBeNull();

    const granted = await secAdmin.put(`/api/admin/users/${user.id}/role`, {
      role: 'coordinator',
      orgUnitCode: 'SD-EDU',
    });
    expect(granted.statusCode).toBe(204);
    expect((await userRow('zhao.coord'))!.role).toBe('coordinator');
    expect(await auditRows('user.role_grant', user.id)).toEqual([
      {
        actorName: 'grant.sec',
        result: 'success',
        details: {
          username: 'zhao.coord',
          from: { role: null, org: 'SD-EDU' },
          to: { role: 'coordinator', org: 'SD-EDU' },
        },
      },
    ]);
    // The session from before the grant has ended; signed in again, it reads what a coordinator may.
    expect((await waiting.get('/api/auth/me')).statusCode).toBe(401);
    const coordinator = await login(ctx, 'zhao.coord');
    const teachers = await coordinator.get('/api/teachers');
    expect(teachers.statusCode).toBe(200);
    expect(teachers.json<{ items: Array<{ id: string }> }>().items.map((t) => t.id)).toContain(teacherId);
    expect((await coordinator.get('/api/admin/users')).statusCode).toBe(403);
  });

  it('lets the security administrator change the scope and revoke the role, never an administrator role, their own or an administrator’s', async () => {
    const clerk = await createUser(ctx, 'unit_clerk', 'SD-VHS');
    const session = await login(ctx, clerk.username);
    const moved = await secAdmin.put(`/api/admin/users/${clerk.id}/role`, {
      role: 'unit_clerk',
      orgUnitCode: 'SD-VEC',
    });
    expect(moved.statusCode).toBe(204);
    expect(await userRow(clerk.username)).toMatchObject({
      role: 'unit_clerk',
      orgUnitId: await unitId('SD-VEC'),
    });
    expect((await session.get('/api/auth/me')).statusCode).toBe(401);
    expect((await auditRows('user.role_grant', clerk.id))[0]!.details).toMatchObject({
      from: { role: 'unit_clerk', org: 'SD-VHS' },
      to: { role: 'unit_clerk', org: 'SD-VEC' },
    });

    for (const role of ['system_admin', 'security_admin', 'audit_admin']) {
      const res = await secAdmin.put(`/api/admin/users/${clerk.id}/role`, { role, orgUnitCode: 'SD' });
      expect([res.statusCode, code(res)], role).toEqual([403, 'USER_ROLE_NOT_ASSIGNABLE']);
      expect(res.json().error.details[0]).toMatchObject({ field: 'role', code: 'USER_ROLE_NOT_ASSIGNABLE' });
    }
    const unknownUnit = await secAdmin.put(`/api/admin/users/${clerk.id}/role`, {
      role: 'viewer',
      orgUnitCode: 'NOPE',
    });
    expect(unknownUnit.statusCode).toBe(400);
    expect(unknownUnit.json().error.details[0]).toMatchObject({
      field: 'orgUnitCode',
      code: 'ORG_UNIT_UNKNOWN',
    });
    expect((await userRow(clerk.username))!.role).toBe('unit_clerk');

    const self = (await userRow('grant.sec'))!;
    const otherAdmin = await createUser(ctx, 'audit_admin', 'SD');
    for (const id of [self.id, otherAdmin.id]) {
      const grant = await secAdmin.put(`/api/admin/users/${id}/role`, { role: 'viewer', orgUnitCode: 'SD' });
      expect([grant.statusCode, code(grant)]).toEqual([403, 'USER_ROLE_NOT_ASSIGNABLE']);
      const revoke = await del(secAdmin, `/api/admin/users/${id}/role`);
      expect([revoke.statusCode, code(revoke)]).toEqual([403, 'USER_ROLE_NOT_ASSIGNABLE']);
    }
    expect((await userRow('grant.sec'))!.role).toBe('security_admin');
    expect((await userRow(otherAdmin.username))!.role).toBe('audit_admin');

    const again = await login(ctx, clerk.username);
    expect((await del(secAdmin, `/api/admin/users/${clerk.id}/role`)).statusCode).toBe(204);
    expect((await userRow(clerk.username))!.role).toBeNull();
    expect((await again.get('/api/auth/me')).statusCode).toBe(401);
    const revoked = await login(ctx, clerk.username);
    expect((await revoked.get('/api/teachers')).statusCode).toBe(403);
    expect((await auditRows('user.role_revoke', clerk.id))[0]).toMatchObject({
      actorName: 'grant.sec',
      details: { username: clerk.username, from: { role: 'unit_clerk' } },
    });
    expect(
      (await sysAdmin.request({ method: 'DELETE', url: `/api/admin/users/${clerk.id}/role` })).statusCode,
    ).toBe(403);
  });
});
