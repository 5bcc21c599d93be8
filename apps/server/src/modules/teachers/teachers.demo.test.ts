import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate } from '../../platform/clock/clock.ts';
import {
  createTestContext,
  createUser,
  demoContext,
  login,
  seedShangdang,
  type Client,
  type TestContext,
} from '../../test/test-context.ts';
import type { TeachersModule } from './index.ts';
import { TEACHER_METRICS } from './teachers.metrics.ts';
import { loadTeacherDemo } from './teachers.demo.ts';

type Hires = {
  summary: { hires: number; compliant: number; exceptions: number; nonCompliant: number };
  items: Array<{ hireDate: string; reasons: Array<{ code: string }>; exception: { reason: string } | null }>;
};

/** A fresh database with the district and its plan, at `now`, and a coordinator to read it as. */
async function district(now: string) {
  const ctx = await createTestContext({ now });
  await seedShangdang(ctx);
  // The demo account the demo grants a hire exception as.
  const coordinator = await login(
    ctx,
    (await createUser(ctx, 'coordinator', 'SD-EDU', 'coordinator')).username,
  );
  return { ctx, coordinator };
}

/** The non-compliant hires: hire date, reasons, and whether the district granted an exception. */
async function nonCompliantHires(coordinator: Client) {
  const hires = (await coordinator.get('/api/teacher-hires?compliant=false')).json() as Hires;
  return hires.items
    .map((h) => [h.hireDate, h.reasons.map((r) => r.code).join('+'), h.exception !== null])
    .sort();
}

/** The teachers' alert tiers the coordinator sees today. */
async function alertTiers(coordinator: Client) {
  const alerts = (await coordinator.get('/api/alerts')).json() as {
    items: Array<{ source: string; tier: string }>;
  };
  return alerts.items.filter((a) => a.source === 'teachers').map((a) => a.tier);
}

/** The sizes of the three review queues (at the school, at the district, returned). */
async function queues(coordinator: Client) {
  const size = async (state: string) =>
    ((await coordinator.get(`/api/dq-applications?state=${state}`)).json() as { items: unknown[] }).items
      .length;
  return [await size('submitted'), await size('school_passed'), await size('returned')];
}

/**
 * Both T07 metrics for the district as the plan engine asks on `date`: over the quarter that ends
 * then (or runs then), as of that date. Value (numerator/denominator).
 */
async function t07At(ctx: TestContext, date: string) {
  const sd = await ctx.db
    .selectFrom('orgUnit')
    .select('id')
    .where('code', '=', 'SD')
    .executeTakeFirstOrThrow();
  const quarter = Math.floor((Number(date.slice(5, 7)) - 1) / 3);
  const period = {
    startsOn: `${date.slice(0, 4)}-${['01-01', '04-01', '07-01', '10-01'][quarter]}`,
    endsOn: `${date.slice(0, 4)}-${['03-31', '06-30', '09-30', '12-31'][quarter]}`,
  };
  const read = async (metric: string) => {
    const v = await ctx.services.metrics.compute(metric, {
      db: ctx.db,
      orgUnitId: sd.id,
      period,
      today: date,
    });
    return `${v.value} (${v.numerator}/${v.denominator})`;
  };
  return [
    date,
    await read(TEACHER_METRICS.dualQualifiedShare),
    await read(TEACHER_METRICS.recruitmentComplianceShare),
  ];
}

describe('the teachers demo', () => {
  let ctx: TestContext;
  let coordinator: Client;
  beforeAll(async () => {
    ({ ctx, coordinator } = await district('2021-12-20T02:00:00Z'));
  });
  afterAll(() => ctx?.close());

  it('loads 60 teachers with recognitions, open applications, expiry alerts and three non-compliant hires, once', async () => {
    const demo = demoContext<TeachersModule>(ctx, 'teachers');
    expect([demo.today, demo.planYears]).toEqual(['2021-12-20', []]);
    expect(await loadTeacherDemo(demo)).toEqual({
      teachers: 60,
      recognitions: 36,
      applications: 6,
    });
    expect(await loadTeacherDemo(demo)).toEqual({
      teachers: 0,
      recognitions: 0,
      applications: 0,
    });
    const ratio = (await coordinator.get('/api/dq-ratio')).json() as {
      overall: { numerator: number; denominator: number; percent: number };
      schools: Array<{ school: { code: string } }>;
    };
    expect(ratio.schools.map((s) => s.school.code)).toEqual(['SD-VEC', 'SD-VHS']);
    // Without the plan's years only today's register: every hire is this year's, no history.
    expect(ratio.overall).toEqual({ numerator: 33, denominator: 52, percent: 63.5 });
    expect(await queues(coordinator)).toEqual([3, 2, 1]);
    expect(await nonCompliantHires(coordinator)).toEqual([
      ['2021-09-01', 'DEGREE_TOO_LOW', false],
      ['2021-09-01', 'ENTERPRISE_YEARS_SHORT+DEGREE_TOO_LOW', false],
      ['2021-09-01', 'ENTERPRISE_YEARS_SHORT', false],
    ]);
    const tiers = await alertTiers(coordinator);
    expect(tiers.filter((t) => t === 'yellow')).toHaveLength(2);
    expect(tiers.filter((t) => t === 'blue')).toHaveLength(2);
  });
});

describe('the teachers demo over the plan’s years (2020–2022), loaded on 2026-11-29', () => {
  let ctx: TestContext;
  let coordinator: Client;
  beforeAll(async () => {
    ({ ctx, coordinator } = await district('2026-11-29T02:00:00Z'));
    await loadTeacherDemo(demoContext<TeachersModule>(ctx, 'teachers', '2026-11-29', [2020, 2021, 2022]));
  });
  afterAll(() => ctx?.close());

  it('reads as a district that improved: 双师型 from 45 % to 62 % by the deadline, hires to the rule but one, excepted in 2022', async () => {
    const at = [];
    for (const date of ['2020-12-31', '2021-06-30', '2021-12-31', '2022-06-30', '2022-12-31', '2026-11-29'])
      at.push(await t07At(ctx, date));
    expect(at).toEqual([
      ['2020-12-31', '44.9 (22/49)', '100 (2/2)'],
      ['2021-06-30', '46.9 (23/49)', '100 (2/2)'],
      ['2021-12-31', '53.1 (26/49)', '75 (3/4)'],
      ['2022-06-30', '57.1 (28/49)', '75 (3/4)'],
      ['2022-12-31', '62 (31/50)', '100 (5/5)'],
      ['2026-11-29', '63.5 (33/52)', '71.4 (5/7)'],
    ]);
  });

  it('keeps today’s open work: applications under review, expiring and expired recognitions, this year’s hires to decide on', async () => {
    expect(await queues(coordinator)).toEqual([3, 2, 1]);
    const tiers = await alertTiers(coordinator);
    expect(tiers.filter((t) => t === 'yellow')).toHaveLength(2);
    expect(tiers.filter((t) => t === 'blue')).toHaveLength(2);
    expect(await nonCompliantHires(coordinator)).toEqual([
      ['2021-09-01', 'DEGREE_TOO_LOW', true],
      ['2026-09-01', 'ENTERPRISE_YEARS_SHORT+DEGREE_TOO_LOW', false],
      ['2026-09-01', 'ENTERPRISE_YEARS_SHORT', false],
    ]);
    // The exception went through the use case on its day, audited then.
    const granted = await ctx.db
      .selectFrom('auditLog')
      .select('at')
      .where('action', '=', 'teacher.hire_exception.granted')
      .execute();
    expect(granted.map((g) => chinaDate(g.at))).toEqual(['2022-10-15']);
  });
});

describe('the teachers demo loaded while the plan runs (2022-05-20)', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ({ ctx } = await district('2022-05-20T02:00:00Z'));
  });
  afterAll(() => ctx?.close());

  it('loads with a history in 2020 and 2021 and nothing dated after today', async () => {
    const demo = demoContext<TeachersModule>(ctx, 'teachers', '2022-05-20', [2020, 2021]);
    expect((await loadTeacherDemo(demo)).teachers).toBe(60);
    const today = '2022-05-20';
    const last = async (table: string, column: string) =>
      (
        await sql<{
          last: string;
        }>`SELECT max(${sql.ref(column)})::text AS last FROM ${sql.table(table)}`.execute(ctx.db)
      ).rows[0]!.last;
    expect([
      await last('teacher', 'hire_date'),
      await last('dq_recognition', 'recognised_on'),
      await last('dq_recognition', 'valid_from'),
      await last('teacher_practice', 'year'),
    ]).toEqual(['2021-09-01', '2022-04-20', '2022-04-20', '2021']);
    expect((await last('teacher_certificate', 'issued_on')) <= today).toBe(true);
    expect([await t07At(ctx, '2021-12-31'), await t07At(ctx, today)]).toEqual([
      ['2021-12-31', '50 (26/52)', '57.1 (4/7)'],
      ['2022-05-20', '50 (26/52)', '57.1 (4/7)'],
    ]);
  });
});
