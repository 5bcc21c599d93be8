import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../platform/audit/audit-verify.ts';
import { actorOf } from '../../test/alert-actors.ts';
import {
  createTestContext,
  createUser,
  demoContext,
  seedShangdang,
  type TestContext,
} from '../../test/test-context.ts';
import { enrollmentModule, type EnrollmentModule } from '../enrollment/index.ts';
import type { LearnersModule } from './index.ts';
import { listGraduateDestinations } from './destinations.service.ts';
import { learnersDemo } from './learners.demo.ts';

const TODAY = '2026-11-29';
const PLAN_YEARS = [2020, 2021, 2022];

/**
 * The learners demo on the enrolment demo's seasons: the closed seasons' 报到 on the schools'
 * registers, each cohort's years recorded, this year's 报到 left for the schools.
 */
describe('the learners demo', () => {
  let ctx: TestContext;
  let summary: { zh: string; en: string };
  let registered: Map<string, number>;

  beforeAll(async () => {
    ctx = await createTestContext({ now: `${TODAY}T02:00:00Z` });
    await seedShangdang(ctx);
    await createUser(ctx, 'coordinator', 'SD-EDU', 'coordinator');
    for (const [username, org] of [
      ['jhs1', 'SD-JHS1'],
      ['jhs2', 'SD-JHS2'],
      ['hs1', 'SD-HS1'],
      ['vhs', 'SD-VHS'],
      ['vec', 'SD-VEC'],
    ] as const)
      await createUser(ctx, 'unit_clerk', org, username);
    await enrollmentModule.demo!(demoContext<EnrollmentModule>(ctx, 'enrollment', TODAY, PLAN_YEARS));
    summary = await learnersDemo(demoContext<LearnersModule>(ctx, 'learners', TODAY, PLAN_YEARS));
    // What 报到 recorded per admission year at the vocational schools (enrolled students only).
    const rows = await ctx.db
      .selectFrom('learner')
      .select(['cohortYear', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('cohortYear')
      .execute();
    registered = new Map(rows.map((r) => [String(r.cohortYear), Number(r.n)]));
  }, 240_000);
  afterAll(() => ctx?.close());

  it('puts the closed seasons’ 报到 on the registers and leaves this year’s to the schools', async () => {
    expect([...registered.keys()].sort()).toEqual(['2020', '2021', '2022']);
    const total = [...registered.values()].reduce((a, b) => a + b, 0);
    const graduates = await ctx.db
      .selectFrom('learner')
      .select('id')
      .where('status', '=', 'graduated')
      .execute();
    const recognised = await ctx.db.selectFrom('outcomeRecognition').select('id').execute();
    expect(recognised.length).toBeGreaterThan(0);
    expect(summary.zh).toBe(
      `${total} 名学生的学籍（${graduates.length} 名已毕业，${graduates.length} 名已登记毕业去向）、${recognised.length} 项学分银行认定的学习成果`,
    );
    // Every learner came from a 报到, once.
    const sources = await ctx.db
      .selectFrom('learner')
      .select(['source', 'enrollmentRegistrationId'])
      .execute();
    expect(new Set(sources.map((s) => s.source))).toEqual(new Set(['enrollment']));
    expect(new Set(sources.map((s) => s.enrollmentRegistrationId)).size).toBe(total);
    expect((await verifyAuditChain(ctx.db)).ok).toBe(true);
  });

  it('records each cohort’s three years: one back from 休学, one 转学, one 退学, the rest 毕业', async () => {
    const rows = await ctx.db
      .selectFrom('learner')
      .select(['schoolId', 'cohortYear', 'status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['schoolId', 'cohortYear', 'status'])
      .execute();
    const cohorts = new Map<string, Record<string, number>>();
    for (const r of rows) {
      const key = `${r.schoolId}/${r.cohortYear}`;
      cohorts.set(key, { ...cohorts.get(key), [r.status]: Number(r.n) });
    }
    expect(cohorts.size).toBeGreaterThanOrEqual(4);
    for (const counts of cohorts.values()) {
      const size = Object.values(counts).reduce((a, b) => a + b, 0);
      // Each cohort graduated by 2025; at most one transfer and one withdrawal each.
      expect(counts.enrolled ?? 0).toBe(0);
      expect(counts.suspended ?? 0).toBe(0);
      expect(counts.transferred ?? 0).toBe(size > 1 ? 1 : 0);
      expect(counts.withdrawn ?? 0).toBe(size > 2 ? 1 : 0);
      expect(counts.graduated).toBe(size - (counts.transferred ?? 0) - (counts.withdrawn ?? 0));
    }
    // The suspended student's history: entry, 休学, 复学, 毕业 — in order of day.
    const returned = await ctx.db
      .selectFrom('learnerStatusChange')
      .select('learnerId')
      .where('toStatus', '=', 'suspended')
      .execute();
    expect(returned.length).toBe(cohorts.size);
    const history = await ctx.db
      .selectFrom('learnerStatusChange')
      .select(['toStatus', 'changedOn'])
      .where('learnerId', '=', returned[0]!.learnerId)
      .orderBy('changedOn')
      .execute();
    expect(history.map((h) => h.toStatus)).toEqual(['enrolled', 'suspended', 'enrolled', 'graduated']);
  });

  it('records every graduate’s destination through the use case, the figures of each year in sense', async () => {
    const kinds = await ctx.db
      .selectFrom('learnerDestination')
      .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('kind')
      .execute();
    const count = new Map(kinds.map((k) => [k.kind, Number(k.n)]));
    expect(count.get('employed')).toBeGreaterThan(count.get('further_study') ?? 0);
    const coordinator = await actorOf(ctx, 'coordinator', 'SD-EDU');
    const deps = ctx.services.modules.deps.get('learners')!;
    for (const year of [2023, 2024, 2025]) {
      const { figures } = await listGraduateDestinations(deps, coordinator, { graduationYear: year });
      expect(figures.graduates).toBeGreaterThan(0);
      expect(figures.recorded).toBe(figures.graduates);
      expect(figures.settledShare!).toBeGreaterThan(0.5);
    }
  });

  it('runs the credit bank in the plan’s years: both schools in the 1+X pilot, recognition, accumulation and conversion', async () => {
    const district = (
      await ctx.db.selectFrom('orgUnit').select('id').where('code', '=', 'SD').executeTakeFirstOrThrow()
    ).id;
    const metric = (name: string, endsOn: string) =>
      ctx.services.metrics.compute(name, {
        db: ctx.db,
        orgUnitId: district,
        period: { startsOn: '2020-01-01', endsOn },
        today: TODAY,
      });
    // Before the certificates were recognised (10 January 2022), neither milestone holds.
    expect((await metric('learners.onePlusXSchools', '2022-01-09')).value).toBe(0);
    const pilot = await metric('learners.onePlusXSchools', '2022-12-31');
    expect(pilot.value).toBe(2);
    expect(pilot.drillDown.map((d) => d.label).join('；')).toMatch(/区职业高中（认定证书 \d+ 本）/);
    // Recognised and posted in January, converted in March: in use from the first approval.
    expect((await metric('learners.creditBankInUse', '2022-03-09')).value).toBe(0);
    const approved = await ctx.db
      .selectFrom('creditConversion')
      .select('id')
      .where('status', '=', 'approved')
      .execute();
    expect(approved.length).toBeGreaterThanOrEqual(2);
    expect((await metric('learners.creditBankInUse', '2022-12-31')).value).toBe(approved.length);
    const ledger = await ctx.db
      .selectFrom('creditLedgerEntry')
      .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('kind')
      .execute();
    expect(Object.fromEntries(ledger.map((l) => [l.kind, Number(l.n)]))).toEqual({
      post: (await ctx.db.selectFrom('outcomeRecognition').select('id').execute()).length,
      convert: approved.length,
    });
    // 2021's 1+X sittings: the certificates and the failures imported; rates in sense, not 100 %.
    const year = (name: string) =>
      ctx.services.metrics.compute(name, {
        db: ctx.db,
        orgUnitId: district,
        period: { startsOn: '2021-01-01', endsOn: '2021-12-31' },
        today: TODAY,
        exact: true,
      });
    const pass = await year('learners.onePlusXPassRate');
    expect(pass.value).toBeGreaterThan(50);
    expect(pass.value).toBeLessThan(90);
    expect(pass.drillDown.map((d) => d.label).sort()).toEqual(['区职业高中', '区职教中心']);
    const participation = await year('learners.onePlusXParticipationRate');
    expect(participation.value).toBeGreaterThan(20);
    expect(participation.value).toBeLessThan(90);
    expect((await verifyAuditChain(ctx.db)).ok).toBe(true);
  });
});
