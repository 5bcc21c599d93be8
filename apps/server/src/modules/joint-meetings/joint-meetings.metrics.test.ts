import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, createUser, seedShangdang, type TestContext } from '../../test/test-context.ts';

describe('joint-meeting metrics, from meeting and action-item records', () => {
  let ctx: TestContext;
  let district: string;
  let edu: string;
  let userId: string;
  const at = (date: string) => new Date(`${date}T02:00:00Z`);
  const compute = (name: string, startsOn: string, endsOn: string, today = '2022-06-30') =>
    ctx.services.metrics.compute(name, {
      db: ctx.db,
      orgUnitId: district,
      period: { startsOn, endsOn },
      today,
    });

  async function meeting(number: number, meetingDate: string, state: 'planned' | 'held' | 'minutes_final') {
    const held = state === 'planned' ? null : at(meetingDate);
    const row = await ctx.db
      .insertInto('meeting')
      .values({
        districtId: district,
        number,
        title: `${meetingDate.slice(0, 4)}年第${number}次联席会议`,
        meetingDate,
        location: '',
        chair: '',
        conveningUnitId: edu,
        agenda: [],
        state,
        heldAt: held,
        minutesFinalAt: state === 'minutes_final' ? held : null,
        createdBy: userId,
        createdAt: at(meetingDate),
        updatedAt: at(meetingDate),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async function decision(
    meetingId: string,
    number: number,
    deadline: string,
    completedOn: string | null,
    draft = false,
  ) {
    return (
      await ctx.db
        .insertInto('actionItem')
        .values({
          meetingId,
          number,
          decision: `议定事项${number}`,
          responsibleUnitId: edu,
          deadline,
          state: draft ? 'draft' : completedOn ? 'completed' : 'open',
          completedOn,
          createdBy: userId,
          createdAt: at('2021-04-10'),
          updatedAt: at('2021-04-10'),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  }

  let held2021: string;
  let onTime: string;
  beforeAll(async () => {
    ctx = await createTestContext();
    await seedShangdang(ctx);
    const unit = async (code: string) =>
      (await ctx.db.selectFrom('orgUnit').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
    district = await unit('SD');
    edu = await unit('SD-EDU');
    userId = (await createUser(ctx, 'coordinator', 'SD-EDU')).id;
    await meeting(1, '2020-06-18', 'minutes_final');
    held2021 = await meeting(2, '2021-04-10', 'minutes_final');
    await meeting(3, '2021-11-20', 'planned');
    onTime = await decision(held2021, 1, '2021-06-30', '2021-06-28');
    await decision(held2021, 2, '2021-07-31', '2021-08-15');
    await decision(held2021, 3, '2021-09-30', null);
    await decision(held2021, 4, '2021-12-31', '2021-12-01');
    await decision(held2021, 5, '2021-10-31', null, true);
  });
  afterAll(() => ctx?.close());

  it('counts the meetings held in the period, not the planned ones, each in the drill-down', async () => {
    const y2021 = await compute('jointMeetings.meetingsHeld', '2021-01-01', '2021-12-31');
    expect(y2021.value).toBe(1);
    expect(y2021.drillDown).toEqual([
      {
        label: '第2次联席会议：2021年第2次联席会议（2021-04-10）',
        value: 1,
        ref: { type: 'meeting', id: held2021 },
      },
    ]);
    expect((await compute('jointMeetings.meetingsHeld', '2020-01-01', '2020-12-31')).value).toBe(1);
    expect((await compute('jointMeetings.meetingsHeld', '2020-01-01', '2022-12-31')).value).toBe(2);
    // While the period runs only days up to today count.
    expect(
      (await compute('jointMeetings.meetingsHeld', '2021-01-01', '2021-12-31', '2021-04-09')).value,
    ).toBe(0);
  });

  it('takes the share of decisions due in the period done by their deadline (drafts are not decisions)', async () => {
    const v = await compute('jointMeetings.decisionsOnTimeShare', '2021-01-01', '2021-12-31');
    expect(v).toMatchObject({ value: 50, numerator: 2, denominator: 4 });
    expect(v.drillDown.map((r) => r.value)).toEqual([1, 0, 0, 1]);
    expect(v.drillDown[0]).toMatchObject({ ref: { type: 'action_item', id: onTime } });
    expect(v.drillDown[2]!.label).toContain('未办结');
    // As of 2021-08-01 only the two decisions due by then are judged.
    const early = await compute(
      'jointMeetings.decisionsOnTimeShare',
      '2021-01-01',
      '2021-12-31',
      '2021-08-01',
    );
    expect(early).toMatchObject({ numerator: 1, denominator: 2 });
    const none = await compute('jointMeetings.decisionsOnTimeShare', '2020-01-01', '2020-12-31');
    expect(none).toMatchObject({ denominator: 0, drillDown: [] });
  });
});
