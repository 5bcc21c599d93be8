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
import type { JointMeetingsServices } from './index.ts';
import { JOINT_MEETING_METRICS } from './joint-meetings.metrics.ts';
import { meetingsDemo } from './meetings.demo.ts';

/** A fresh database with the Shangdang plan and the demo accounts the meetings demo acts as. */
async function districtOn(now: string) {
  const ctx = await createTestContext({ now });
  await seedShangdang(ctx);
  await createUser(ctx, 'coordinator', 'SD-EDU', 'coordinator');
  await createUser(ctx, 'unit_clerk', 'SD-FIN', 'finance');
  await createUser(ctx, 'unit_clerk', 'SD-HRSS', 'hrss');
  await createUser(ctx, 'unit_clerk', 'SD-VHS', 'vhs');
  return ctx;
}

/** A metric of the district over one calendar year, as the plan judges a yearly target. */
const yearly = (ctx: TestContext, metric: string, year: number, today: string) =>
  districtMetric(ctx, metric, yearWindow(year), today, true);

describe('the joint-meetings demo with the plan’s past years', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await districtOn('2026-11-29T02:00:00Z');
  }, 120_000);
  afterAll(() => ctx?.close());

  it('holds two meetings a year in 2020–2022, every decision closed, 2020 short of 90 % on time', async () => {
    const summary = await meetingsDemo(
      demoContext<JointMeetingsServices>(ctx, 'meetings', '2026-11-29', [2020, 2021, 2022]),
    );
    expect(summary.zh).toBe('8 次联席会议、24 项议定事项');

    const values = async (metric: string) =>
      Promise.all([2020, 2021, 2022].map(async (y) => (await yearly(ctx, metric, y, '2026-11-29')).value));
    expect(await values(JOINT_MEETING_METRICS.meetingsHeld)).toEqual([2, 2, 2]);
    expect(await values(JOINT_MEETING_METRICS.decisionsOnTimeShare)).toEqual([77.8, 100, 100]);

    // Nothing of the past stays open; this year's meetings are as they always were.
    const meetings = await ctx.db
      .selectFrom('meeting')
      .select(['id', 'title', 'meetingDate', 'state'])
      .orderBy('meetingDate')
      .execute();
    const past = meetings.filter((m) => m.meetingDate < '2023-01-01');
    expect(past.map((m) => m.title)).toEqual(
      [2020, 2021, 2022].flatMap((y) => [
        `${y}年第一次全区职业教育改革联席会议`,
        `${y}年第二次全区职业教育改革联席会议`,
      ]),
    );
    expect(new Set(past.map((m) => m.state))).toEqual(new Set(['closed']));
    const items = await ctx.db
      .selectFrom('actionItem')
      .select(['meetingId', 'state', 'completedOn', 'deadline'])
      .where(
        'meetingId',
        'in',
        past.map((m) => m.id),
      )
      .execute();
    expect(items).toHaveLength(21);
    expect(items.every((i) => i.state === 'completed' && i.completedOn !== null)).toBe(true);
    expect(meetings.filter((m) => m.meetingDate >= '2026-01-01').map((m) => m.state)).toEqual([
      'minutes_final',
      'planned',
    ]);

    // The plan's milestone completed by a meeting held: the first one, in spring 2020.
    const coordinator = await demoActor(ctx, 'coordinator');
    const milestones = await ctx.services.plans.view.listMilestones(coordinator, 'shangdang-vet-2020');
    expect(milestones.find((m) => m.code === 'T18-JOINT-MEETING')?.completedOn).toBe('2020-04-16');
    expect((await verifyAuditChain(ctx.db)).ok).toBe(true);
  }, 240_000);
});

describe('the joint-meetings demo on a day inside the plan (2022-05-20)', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await districtOn('2022-05-20T02:00:00Z');
  }, 120_000);
  afterAll(() => ctx?.close());

  it('keeps 2020 and 2021 beside this year’s meetings without a clash', async () => {
    await meetingsDemo(demoContext<JointMeetingsServices>(ctx, 'meetings', '2022-05-20', [2020, 2021]));
    const meetings = await ctx.db
      .selectFrom('meeting')
      .select(['number', 'title', 'state'])
      .orderBy('meetingDate')
      .execute();
    expect(meetings.map((m) => [m.number, m.state])).toEqual([
      [1, 'closed'],
      [2, 'closed'],
      [3, 'closed'],
      [4, 'closed'],
      [5, 'minutes_final'],
      [6, 'planned'],
    ]);
    expect((await yearly(ctx, JOINT_MEETING_METRICS.meetingsHeld, 2021, '2022-05-20')).value).toBe(2);
    expect((await yearly(ctx, JOINT_MEETING_METRICS.decisionsOnTimeShare, 2021, '2022-05-20')).value).toBe(
      100,
    );
  }, 240_000);
});
