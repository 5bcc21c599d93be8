import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoActor } from '../../demo/demo-actors.ts';
import { verifyAuditChain } from '../../platform/audit/audit-verify.ts';
import {
  createTestContext,
  createUser,
  demoContext,
  seedShangdang,
  type TestContext,
} from '../../test/test-context.ts';
import type { ProgramsModule } from './index.ts';
import { loadProgramsDemo } from './programs.demo.ts';

/** A fresh database with the district, the plan and the demo accounts, and the programs demo loaded. */
async function loadAt(today: string, planYears: readonly number[]) {
  const ctx = await createTestContext({ now: `${today}T02:00:00Z` });
  await seedShangdang(ctx);
  // The demo accounts it acts as: the district's coordinator and the two schools' clerks.
  await createUser(ctx, 'coordinator', 'SD-EDU', 'coordinator');
  await createUser(ctx, 'unit_clerk', 'SD-VHS', 'vhs');
  await createUser(ctx, 'unit_clerk', 'SD-VEC', 'vec');
  const counts = await loadProgramsDemo(demoContext<ProgramsModule>(ctx, 'programs', today, planYears));
  return { ctx, counts };
}

/** Every project state, and no record (audit row, step, adoption, sharing) dated after `today`. */
async function expectAllStatesUpTo(ctx: TestContext, today: string) {
  const projects = await ctx.db
    .selectFrom('programProject')
    .select(['state', 'approvedOn', 'midtermOn', 'closedOn'])
    .execute();
  expect(new Set(projects.map((p) => p.state))).toEqual(
    new Set(['applied', 'reviewing', 'approved', 'midterm_passed', 'accepted', 'rejected']),
  );
  const days = [
    ...projects.flatMap((p) => [p.approvedOn, p.midtermOn, p.closedOn]),
    ...(await ctx.db.selectFrom('majorStandard').select('adoptedOn').execute()).map((s) => s.adoptedOn),
    ...(await ctx.db.selectFrom('teachingResource').select('sharedOn').execute()).map((r) => r.sharedOn),
  ].filter((d): d is string => d !== null);
  expect(days.filter((d) => d > today)).toEqual([]);
  const last = await ctx.db
    .selectFrom('auditLog')
    .select((e) => e.fn.max('at').as('at'))
    .executeTakeFirstOrThrow();
  expect(new Date(last.at).getTime()).toBeLessThanOrEqual(Date.parse(`${today}T02:00:00Z`));
  expect((await verifyAuditChain(ctx.db)).ok).toBe(true);
}

/** A metric for the district as the plan computes a `once` indicator: over the quarter of `date`, as of it. */
async function metricOn(ctx: TestContext, name: string, date: string) {
  const district = await ctx.db
    .selectFrom('orgUnit')
    .select('id')
    .where('code', '=', 'SD')
    .executeTakeFirstOrThrow();
  const year = date.slice(0, 4);
  const q = Math.floor((Number(date.slice(5, 7)) - 1) / 3);
  const v = await ctx.services.metrics.compute(name, {
    db: ctx.db,
    orgUnitId: district.id,
    period: {
      startsOn: `${year}-${['01', '04', '07', '10'][q]}-01`,
      endsOn: `${year}-${['03-31', '06-30', '09-30', '12-31'][q]}`,
    },
    today: date,
  });
  return v.value;
}

describe('the programs demo, in the plan’s years (2020–2022) seen from 2026', () => {
  let ctx: TestContext;
  let counts: Awaited<ReturnType<typeof loadProgramsDemo>>;
  beforeAll(async () => {
    ({ ctx, counts } = await loadAt('2026-11-29', [2020, 2021, 2022]));
  }, 240_000);
  afterAll(() => ctx?.close());

  it('loads majors, projects in every state and shared resources through the use cases, none after today', async () => {
    expect(counts).toEqual({ majors: 9, courses: 14, projects: 54, resources: 50 });
    await expectAllStatesUpTo(ctx, '2026-11-29');
    const shares = await ctx.db.selectFrom('teachingResource').select('shareState').execute();
    expect(new Set(shares.map((s) => s.shareState))).toEqual(
      new Set(['shared', 'pending', 'refused', 'private']),
    );
  });

  it('gives the plan’s programme indicators values that rise year by year, most met at the deadline', async () => {
    // Value at the end of 2020, 2021, 2022 (the deadline) and today; targets from the plan file.
    const expected: Array<[metric: string, target: number, values: [number, number, number, number]]> = [
      ['programs.provincialIdeologyStudiosAccepted', 1, [0, 0, 1, 1]],
      ['programs.provincialCultureBrandsAccepted', 5, [0, 1, 4, 5]],
      ['programs.ideologyMicroCoursesAccepted', 20, [7, 14, 20, 20]],
      ['programs.brandMajorsAccepted', 5, [0, 1, 2, 4]],
      ['programs.nationalStandardsShare', 100, [0, 55.6, 100, 100]],
      ['programs.provincialQualityCoursesAccepted', 3, [0, 1, 3, 3]],
      ['programs.resourceCoverage', 100, [0, 11.1, 22.2, 22.2]],
      ['programs.nationalTextbookCourseShare', 80, [71.4, 78.6, 85.7, 85.7]],
      ['programs.newFormTextbookCourseShare', 30, [7.1, 21.4, 35.7, 35.7]],
      ['programs.provincialMasterStudiosAccepted', 2, [0, 0, 2, 2]],
      ['programs.provincialInnovationTeamsAccepted', 2, [0, 0, 2, 2]],
      ['programs.districtMasterTeachersApproved', 10, [4, 7, 10, 11]],
    ];
    const dates = ['2020-12-31', '2021-12-31', '2022-12-31', '2026-11-29'];
    const actual = await Promise.all(
      expected.map(async ([metric]) => Promise.all(dates.map((d) => metricOn(ctx, metric, d)))),
    );
    expect(actual).toEqual(expected.map(([, , values]) => values));
    // At the deadline: brand majors (2 of 5), culture brands (4 of 5) and resource coverage missed.
    const missed = expected.filter((e, i) => actual[i]![2]! < e[1]).map(([metric]) => metric);
    expect(missed).toEqual([
      'programs.provincialCultureBrandsAccepted',
      'programs.brandMajorsAccepted',
      'programs.resourceCoverage',
    ]);
  });

  it('keeps today’s open work: applications under review, one mid-term overdue and one due', async () => {
    const projects = await ctx.db.selectFrom('programProject').select(['title', 'state']).execute();
    const state = (title: string) => projects.find((p) => p.title === title)?.state;
    expect(state('焊接技术应用品牌专业建设')).toBe('accepted');
    expect(state('电子商务品牌专业建设')).toBe('accepted');
    expect(state('康复技术品牌专业建设')).toBe('reviewing');
    expect(state('“立德树人”思政教育工作室')).toBe('reviewing');
    expect(state('《康复评定》精品课程')).toBe('applied');
    expect(state('汽车运用与维修教师教学创新团队')).toBe('midterm_passed');
    const owing = projects.filter((p) => p.state === 'approved').map((p) => p.title);
    expect(owing.sort()).toEqual(['《网店运营》省级精品课程', '区级“双师型”教学名师：陈晓燕'].sort());
    const alerts = await ctx.services.alertSources.collect(
      await demoActor(ctx, 'coordinator'),
      'zh',
      '2026-11-29',
    );
    expect(
      alerts
        .filter((a) => a.source === 'programs')
        .map((a) => [a.title, a.kind, a.tier])
        .sort(),
    ).toEqual([
      ['“双师型”教学名师项目：区级“双师型”教学名师：陈晓燕', 'project_midterm_due', 'blue'],
      ['精品课程项目：《网店运营》省级精品课程', 'project_midterm_overdue', 'yellow'],
    ]);
  });
});

describe('the programs demo while the plan runs (today 2022-05-20, plan years 2020 and 2021)', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ({ ctx } = await loadAt('2022-05-20', [2020, 2021]));
  }, 240_000);
  afterAll(() => ctx?.close());

  it('loads with its work in 2020 and 2021 and no record after today', async () => {
    await expectAllStatesUpTo(ctx, '2022-05-20');
    expect(await metricOn(ctx, 'programs.brandMajorsAccepted', '2020-12-31')).toBe(0);
    expect(await metricOn(ctx, 'programs.brandMajorsAccepted', '2021-12-31')).toBe(2);
  });
});

describe('the programs demo without plan years (a module test’s demo context)', () => {
  let ctx: TestContext;
  let counts: Awaited<ReturnType<typeof loadProgramsDemo>>;
  beforeAll(async () => {
    ({ ctx, counts } = await loadAt('2026-11-29', []));
  }, 240_000);
  afterAll(() => ctx?.close());

  it('keeps the same history in the three years before today’s', async () => {
    expect(counts).toEqual({ majors: 9, courses: 14, projects: 54, resources: 50 });
    await expectAllStatesUpTo(ctx, '2026-11-29');
    expect(await metricOn(ctx, 'programs.brandMajorsAccepted', '2025-12-31')).toBe(2);
  });
});
