import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  createUser,
  demoContext,
  login,
  seedShangdang,
  type TestContext,
} from '../../test/test-context.ts';
import type { TeachersModule } from './index.ts';
import { loadTeacherDemo } from './teachers.demo.ts';

describe('the teachers demo', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({ now: '2021-12-20T02:00:00Z' });
    await seedShangdang(ctx);
  });
  afterAll(() => ctx?.close());

  it('loads 60 teachers with recognitions, open applications, expiry alerts and three non-compliant 2021 hires, once', async () => {
    const demo = demoContext<TeachersModule>(ctx, 'teachers');
    expect(demo.today).toBe('2021-12-20');
    expect(await loadTeacherDemo(demo)).toEqual({
      teachers: 60,
      recognitions: expect.any(Number),
      applications: 6,
    });
    expect(await loadTeacherDemo(demo)).toEqual({
      teachers: 0,
      recognitions: 0,
      applications: 0,
    });
    const coordinator = await login(ctx, (await createUser(ctx, 'coordinator', 'SD-EDU')).username);
    const ratio = (await coordinator.get('/api/dq-ratio')).json() as {
      overall: { numerator: number; denominator: number; percent: number };
      schools: Array<{ school: { code: string } }>;
    };
    expect(ratio.schools.map((s) => s.school.code)).toEqual(['SD-VEC', 'SD-VHS']);
    expect(ratio.overall.denominator).toBeGreaterThan(35);
    expect(ratio.overall.percent).toBeGreaterThan(20);
    expect(ratio.overall.percent).toBeLessThan(60);
    const queues = async (state: string) =>
      ((await coordinator.get(`/api/dq-applications?state=${state}`)).json() as { items: unknown[] }).items
        .length;
    expect([await queues('submitted'), await queues('school_passed'), await queues('returned')]).toEqual([
      3, 2, 1,
    ]);
    const hires = (await coordinator.get('/api/teacher-hires?compliant=false')).json() as {
      items: Array<{ hireDate: string; reasons: Array<{ code: string }> }>;
    };
    expect(hires.items.map((h) => [h.hireDate, h.reasons.map((r) => r.code).join('+')]).sort()).toEqual([
      ['2021-09-01', 'DEGREE_TOO_LOW'],
      ['2021-09-01', 'ENTERPRISE_YEARS_SHORT'],
      ['2021-09-01', 'ENTERPRISE_YEARS_SHORT+DEGREE_TOO_LOW'],
    ]);
    const alerts = (
      (await coordinator.get('/api/alerts')).json() as { items: Array<{ source: string; tier: string }> }
    ).items;
    const tiers = alerts.filter((a) => a.source === 'teachers').map((a) => a.tier);
    expect(tiers.filter((t) => t === 'yellow')).toHaveLength(2);
    expect(tiers.filter((t) => t === 'blue').length).toBeGreaterThanOrEqual(2);
  });
});
