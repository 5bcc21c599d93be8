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
import { adminClient, del } from './org-test-helpers.ts';

type Who = 'system_admin' | 'security_admin' | 'audit_admin' | 'no_role' | 'coordinator';
const WHO: readonly Who[] = ['system_admin', 'security_admin', 'audit_admin', 'no_role', 'coordinator'];

/**
 * SECURITY.md "three roles kept apart (三权分立) … role matrix test": every power over accounts,
 * org units and the audit log, tried by each administrator, by an account without a role and by a
 * business role. Each power belongs to exactly one administrator role; the others get 403.
 */
const MATRIX: Record<string, Who | null> = {
  'create an account': 'system_admin',
  'disable an account': 'system_admin',
  'create an org unit': 'system_admin',
  'grant a role': 'security_admin',
  'revoke a role': 'security_admin',
  'unlock an account': 'security_admin',
  'reset a password': 'security_admin',
  'read the audit log': 'audit_admin',
  'verify the audit log': 'audit_admin',
};

describe('role matrix of the three separated administrator roles (三权分立)', () => {
  let ctx: TestContext;
  const clients = {} as Record<Who, Client>;
  let n = 0;
  beforeAll(async () => {
    ctx = await createTestContext();
    await seedShangdang(ctx);
    clients.system_admin = await adminClient(ctx, 'system_admin');
    clients.security_admin = await adminClient(ctx, 'security_admin');
    clients.audit_admin = await adminClient(ctx, 'audit_admin');
    clients.coordinator = await login(ctx, (await createUser(ctx, 'coordinator', 'SD-EDU')).username);
    const made = await clients.system_admin.post('/api/admin/users', {
      username: 'matrix.none',
      displayName: '待授权',
      orgUnitCode: 'SD-EDU',
    });
    const { initialPassword } = made.json<{ initialPassword: string }>();
    const first = await login(ctx, 'matrix.none', initialPassword);
    await first.post('/api/auth/password', { currentPassword: initialPassword, newPassword: TEST_PASSWORD });
    clients.no_role = await login(ctx, 'matrix.none');
  });
  afterAll(() => ctx?.close());

  /** Tries a power as `who` on a fresh business account; answers the status code. */
  async function attempt(power: string, who: Who): Promise<number> {
    const c = clients[who];
    const target = await createUser(ctx, 'unit_clerk', 'SD-VHS');
    const users = `/api/admin/users/${target.id}`;
    n++;
    const res = await {
      'create an account': () =>
        c.post('/api/admin/users', { username: `m.new${n}`, displayName: '新账号', orgUnitCode: 'SD-VHS' }),
      'disable an account': () => c.patch(users, { disabled: true }),
      'create an org unit': () =>
        c.post('/api/org-units', {
          code: `SD-M${n}`,
          name: `新单位${n}`,
          fullName: `上党区新单位${n}`,
          type: 'school',
          parentCode: 'SD-EDU',
        }),
      'grant a role': () => c.put(`${users}/role`, { role: 'viewer', orgUnitCode: 'SD-VHS' }),
      'revoke a role': () => del(c, `${users}/role`),
      'unlock an account': () => c.post(`${users}/unlock`),
      'reset a password': () => c.post(`${users}/password-reset`),
      'read the audit log': () => c.get('/api/audit'),
      'verify the audit log': () => c.post('/api/audit/verification'),
    }[power]!();
    return res.statusCode;
  }

  it('gives each power to exactly one administrator role, and none to an account without a role', async () => {
    const seen: Record<string, Record<Who, number>> = {};
    const expected: Record<string, Record<Who, 'allowed' | 403>> = {};
    for (const [power, holder] of Object.entries(MATRIX)) {
      seen[power] = {} as Record<Who, number>;
      expected[power] = {} as Record<Who, 'allowed' | 403>;
      for (const who of WHO) {
        const status = await attempt(power, who);
        seen[power][who] = status;
        expected[power][who] = who === holder ? 'allowed' : 403;
      }
    }
    const outcome = (s: number) => (s >= 200 && s < 300 ? 'allowed' : s);
    const got = Object.fromEntries(
      Object.entries(seen).map(([p, row]) => [
        p,
        Object.fromEntries(Object.entries(row).map(([w, s]) => [w, outcome(s)])),
      ]),
    );
    expect(got).toEqual(expected);
  });

  it('lets the account administrators read the account list, nobody else', async () => {
    const statuses = await Promise.all(WHO.map((w) => clients[w].get('/api/admin/users')));
    expect(Object.fromEntries(WHO.map((w, i) => [w, statuses[i]!.statusCode]))).toEqual({
      system_admin: 200,
      security_admin: 200,
      audit_admin: 403,
      no_role: 403,
      coordinator: 403,
    });
  });
});
