import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoActor } from '../../demo/demo-actors.ts';
import { verifyAuditChain } from '../../platform/audit/audit-verify.ts';
import {
  createTestContext,
  createUser,
  demoContext,
  districtMetric,
  seedShangdang,
  type TestContext,
  yearWindow,
} from '../../test/test-context.ts';
import type { SupervisionServices } from './index.ts';
import { SUPERVISION_RECORD_METRICS } from './records.metrics.ts';
import { supervisionDemo } from './supervision.demo.ts';

const ORDERS_ON_TIME = 'supervision.ordersClosedOnTimeShare';

/** A fresh database with the Shangdang plan and the demo accounts the supervision demo acts as. */
async function districtOn(now: string) {
  const ctx = await createTestContext({ now });
  await seedShangdang(ctx);
  await createUser(ctx, 'coordinator', 'SD-EDU', 'coordinator');
  await createUser(ctx, 'inspector', 'SD-EDU', 'inspector');
  await createUser(ctx, 'unit_clerk', 'SD-FIN', 'finance');
  await createUser(ctx, 'unit_clerk', 'SD-HRSS', 'hrss');
  await createUser(ctx, 'unit_clerk', 'SD-VHS', 'vhs');
  await createUser(ctx, 'unit_clerk', 'SD-VEC', 'vec');
  return ctx;
}

/** A metric of the district over one calendar year, as the plan judges a yearly target. */
const yearly = (ctx: TestContext, metric: string, year: number, today: string) =>
  districtMetric(ctx, metric, yearWindow(year), today, true);

describe('the supervision demo with the plan’s past years', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await districtOn('2026-11-29T02:00:00Z');
  }, 120_000);
  afterAll(() => ctx?.close());

  it('holds a regular inspection every year and a special one from 2021, orders closed, 2021 one late', async () => {
    await supervisionDemo(
      demoContext<SupervisionServices>(ctx, 'supervision', '2026-11-29', [2020, 2021, 2022]),
    );
    const values = async (metric: string) =>
      Promise.all([2020, 2021, 2022].map(async (y) => (await yearly(ctx, metric, y, '2026-11-29')).value));
    expect(await values(SUPERVISION_RECORD_METRICS.inspectionsHeld)).toEqual([1, 2, 2]);
    expect(await values(SUPERVISION_RECORD_METRICS.bothInspectionKindsHeld)).toEqual([0, 1, 1]);
    expect(await values(ORDERS_ON_TIME)).toEqual([100, 80, 100]);
    expect(await values(SUPERVISION_RECORD_METRICS.interviewsHeld)).toEqual([0, 1, 0]);
    expect(await values(SUPERVISION_RECORD_METRICS.sanctionsDecided)).toEqual([1, 2, 1]);

    // Nothing of the past stays open: inspections completed and published, orders closed,
    // findings resolved, the interview's commitment followed up.
    const before2023 = '2023-01-01';
    const inspections = await ctx.db
      .selectFrom('inspection')
      .leftJoin('supervisionPublication as p', 'p.inspectionId', 'inspection.id')
      .select(['inspection.title', 'inspection.documentNumber', 'inspection.state', 'p.id as published'])
      .where('inspection.startsOn', '<', before2023)
      .orderBy('inspection.startsOn')
      .execute();
    expect(inspections.map((i) => [i.title.slice(0, 5), i.documentNumber, i.state])).toEqual([
      ['2020年', '上党督〔2020〕3号', 'completed'],
      ['2021年', '上党督〔2021〕3号', 'completed'],
      ['2021年', '上党督〔2021〕8号', 'completed'],
      ['2022年', '上党督〔2022〕3号', 'completed'],
      ['2022年', '上党督〔2022〕7号', 'completed'],
    ]);
    expect(inspections.every((i) => i.published !== null)).toBe(true);
    const orders = await ctx.db
      .selectFrom('rectificationOrder')
      .innerJoin('finding', 'finding.id', 'rectificationOrder.findingId')
      .select(['rectificationOrder.state', 'finding.state as findingState'])
      .where('rectificationOrder.dueDate', '<', before2023)
      .execute();
    expect(orders).toHaveLength(13);
    expect(orders.every((o) => o.state === 'closed' && o.findingState === 'resolved')).toBe(true);
    const commitments = await ctx.db
      .selectFrom('interviewCommitment as c')
      .innerJoin('interview as i', 'i.id', 'c.interviewId')
      .select('c.state')
      .where('i.heldOn', '<', before2023)
      .execute();
    expect(commitments.map((c) => c.state)).toEqual(['fulfilled']);

    // This year's records are as they always were: one inspection done, one running.
    const now = await ctx.db
      .selectFrom('inspection')
      .select('state')
      .where('startsOn', '>=', '2026-01-01')
      .orderBy('startsOn')
      .execute();
    expect(now.map((i) => i.state)).toEqual(['completed', 'in_progress']);

    // The plan's milestone completed once both kinds were held: the first special inspection.
    const coordinator = await demoActor(ctx, 'coordinator');
    const milestones = await ctx.services.plans.view.listMilestones(coordinator, 'shangdang-vet-2020');
    expect(milestones.find((m) => m.code === 'T19-SUPERVISION')?.completedOn).toBe('2021-10-11');
    expect((await verifyAuditChain(ctx.db)).ok).toBe(true);
  }, 240_000);
});

describe('the supervision demo on a day inside the plan (2022-05-20)', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await districtOn('2022-05-20T02:00:00Z');
  }, 120_000);
  afterAll(() => ctx?.close());

  it('keeps 2020 and 2021 beside this year’s inspections without a clash', async () => {
    await supervisionDemo(demoContext<SupervisionServices>(ctx, 'supervision', '2022-05-20', [2020, 2021]));
    const inspections = await ctx.db
      .selectFrom('inspection')
      .select(['documentNumber', 'state'])
      .orderBy('startsOn')
      .execute();
    expect(inspections.map((i) => [i.documentNumber, i.state])).toEqual([
      ['上党督〔2020〕3号', 'completed'],
      ['上党督〔2021〕3号', 'completed'],
      ['上党督〔2021〕8号', 'completed'],
      ['上党督〔2022〕2号', 'completed'],
      ['上党督〔2022〕5号', 'in_progress'],
    ]);
    expect((await yearly(ctx, ORDERS_ON_TIME, 2021, '2022-05-20')).value).toBe(80);
  }, 240_000);
});
