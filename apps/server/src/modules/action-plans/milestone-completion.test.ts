import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  createUser,
  login,
  seedShangdang,
  type TestContext,
} from '../../test/test-context.ts';

type Milestone = {
  ownerNote: string | null;
  id: string;
  code: string;
  completedOn: string | null;
  completedBy: string | null;
  overdue: boolean;
};

/**
 * Milestones completed by records: T18 once a joint meeting is held, T19 once both a 定期 and a
 * 专项 inspection were held; the date is the first day the metric held; no hand tick.
 */
describe('milestones completed by records', () => {
  let ctx: TestContext;
  let district: string;
  let edu: string;
  let userId: string;
  const at = (date: string) => new Date(`${date}T02:00:00Z`);

  async function milestones(): Promise<Map<string, Milestone>> {
    const client = await login(ctx, 'mc-coordinator');
    const res = await client.get('/api/plans/shangdang-vet-2020/milestones');
    expect(res.statusCode, res.body).toBe(200);
    return new Map((res.json() as { items: Milestone[] }).items.map((m) => [m.code, m]));
  }

  async function inspection(kind: 'regular' | 'special', startsOn: string) {
    await ctx.db
      .insertInto('inspection')
      .values({
        districtId: district,
        kind,
        state: 'completed',
        title: kind,
        purpose: '',
        conclusion: '',
        startsOn,
        endsOn: startsOn,
        schedule: '[]',
        createdAt: at(startsOn),
        updatedAt: at(startsOn),
      })
      .execute();
  }

  beforeAll(async () => {
    ctx = await createTestContext({ now: '2021-06-20T02:00:00Z' });
    await seedShangdang(ctx);
    const unit = async (code: string) =>
      (await ctx.db.selectFrom('orgUnit').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
    district = await unit('SD');
    edu = await unit('SD-EDU');
    userId = (await createUser(ctx, 'coordinator', 'SD-EDU', 'mc-coordinator')).id;
  });
  afterAll(() => ctx?.close());

  it('are open, marked completedBy, until the records hold', async () => {
    const m = await milestones();
    expect(m.get('T18-JOINT-MEETING')).toMatchObject({
      completedOn: null,
      completedBy: 'jointMeetings.meetingsHeld',
    });
    expect(m.get('T03-ENROL-PLATFORM')).toMatchObject({ completedBy: 'enrollment.seasonsPublished' });
    expect(m.get('T03-SCHOOL-STANDARDS')).toMatchObject({ completedBy: null, ownerNote: null });
    // A milestone whose unit is not one of the task's says why.
    expect(m.get('T02-HL-APPLY')?.ownerNote).toContain('申报主体是区职业高中本身');
  });

  it('completes T18 on the day of the first joint meeting held', async () => {
    await ctx.db
      .insertInto('meeting')
      .values({
        districtId: district,
        number: 1,
        title: '第一次联席会议',
        meetingDate: '2021-04-10',
        location: '',
        chair: '',
        conveningUnitId: edu,
        agenda: [],
        state: 'held',
        heldAt: at('2021-04-10'),
        createdBy: userId,
        createdAt: at('2021-04-01'),
        updatedAt: at('2021-04-10'),
      })
      .execute();
    ctx.services.events.publish({ type: 'records.changed', module: 'meetings' });
    expect((await milestones()).get('T18-JOINT-MEETING')).toMatchObject({
      completedOn: '2021-04-10',
      overdue: false,
    });
  });

  it('completes T19 only once both kinds of inspection were held, on the later one', async () => {
    await inspection('regular', '2020-10-12');
    ctx.services.events.publish({ type: 'records.changed', module: 'supervision' });
    expect((await milestones()).get('T19-SUPERVISION')?.completedOn).toBeNull();
    await inspection('special', '2021-05-06');
    ctx.services.events.publish({ type: 'records.changed', module: 'supervision' });
    expect((await milestones()).get('T19-SUPERVISION')?.completedOn).toBe('2021-05-06');
  });

  it('refuses (409) a progress report ticking a milestone that records complete', async () => {
    const clerk = await createUser(ctx, 'unit_clerk', 'SD-EDU');
    const client = await login(ctx, clerk.username);
    const m = (await milestones()).get('T18-JOINT-MEETING')!;
    const task = await ctx.db
      .selectFrom('milestone')
      .select('taskId')
      .where('id', '=', m.id)
      .executeTakeFirstOrThrow();
    const period = await ctx.db
      .selectFrom('reportingPeriod')
      .innerJoin('planTask', 'planTask.planId', 'reportingPeriod.planId')
      .select('reportingPeriod.id')
      .where('planTask.id', '=', task.taskId)
      .where('reportingPeriod.startsOn', '=', '2021-04-01')
      .executeTakeFirstOrThrow();
    const res = await client.post('/api/progress-reports', {
      taskId: task.taskId,
      periodId: period.id,
      progress: 'on_track',
      narrative: '联席会议已召开',
      completedMilestones: [m.id],
    });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json()).toMatchObject({
      error: {
        code: 'MILESTONE_COMPLETED_BY_RECORDS',
        details: [
          {
            field: 'completedMilestones.0',
            message: expect.stringContaining('T18-JOINT-MEETING 由系统记录'),
            messageEn: expect.stringContaining('completed by records'),
          },
        ],
      },
    });
    expect(await ctx.db.selectFrom('progressReport').select('id').execute()).toEqual([]);
  });
});
