import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noticesAbout, unitIdOf } from '../../platform/notifications/notifications.test-helpers.ts';
import {
  createTestContext,
  createUser,
  login,
  seedShangdang,
  type Client,
  type TestContext,
} from '../../test/test-context.ts';

describe('action items assigned with the final minutes notify their responsible units', () => {
  let ctx: TestContext;
  let coordinator: Client;
  let hrss: Client;
  let meetingId: string;
  let hrssId: string;
  let finId: string;

  beforeAll(async () => {
    ctx = await createTestContext({ now: '2021-05-24T02:00:00Z' });
    await seedShangdang(ctx);
    hrssId = await unitIdOf(ctx, 'SD-HRSS');
    finId = await unitIdOf(ctx, 'SD-FIN');
    coordinator = await login(ctx, (await createUser(ctx, 'coordinator', 'SD-EDU')).username);
    hrss = await login(ctx, (await createUser(ctx, 'unit_clerk', 'SD-HRSS')).username);
    const created = await coordinator.post('/api/meetings', {
      title: '2021年第二次全区职业教育部门联席会议',
      meetingDate: '2021-05-24',
      location: '区政府三楼会议室',
      chair: '副区长 王某',
      memberUnitIds: [hrssId, finId],
      agenda: ['听取工作情况汇报'],
    });
    expect(created.statusCode, created.body).toBe(201);
    meetingId = (created.json() as { meeting: { id: string } }).meeting.id;
    await coordinator.post(`/api/meetings/${meetingId}/preparation`);
    await coordinator.post(`/api/meetings/${meetingId}/attendance`, {
      units: [
        { unitId: hrssId, present: true, attendees: '张某（副局长）' },
        { unitId: finId, present: true, attendees: '赵某（科长）' },
      ],
    });
    for (const [decision, unitId, deadline] of [
      ['制定职业技能提升行动年度培训计划', hrssId, '2021-05-28'],
      ['落实中职生均拨款8000元', finId, '2021-06-30'],
    ])
      expect(
        (
          await coordinator.post(`/api/meetings/${meetingId}/decisions`, {
            decision,
            responsibleUnitId: unitId,
            deadline,
          })
        ).statusCode,
      ).toBe(201);
  });
  afterAll(() => ctx?.close());

  const items = () =>
    ctx.db
      .selectFrom('actionItem')
      .select(['id', 'responsibleUnitId'])
      .where('meetingId', '=', meetingId)
      .execute();

  it('tells no one while the decisions are drafts or the minutes are refused', async () => {
    expect((await hrss.post(`/api/meetings/${meetingId}/minutes`, { summary: '' })).statusCode).toBe(403);
    for (const item of await items()) expect(await noticesAbout(ctx, item.id)).toEqual([]);
  });

  it('tells each responsible unit once of its own item when the minutes are final', async () => {
    const res = await coordinator.post(`/api/meetings/${meetingId}/minutes`, { summary: '' });
    expect(res.statusCode, res.body).toBe(200);
    expect((await coordinator.post(`/api/meetings/${meetingId}/minutes`, { summary: '' })).statusCode).toBe(
      409,
    );
    for (const item of await items()) {
      const notices = await noticesAbout(ctx, item.id);
      expect(notices).toEqual([
        expect.objectContaining({
          recipientUnitId: item.responsibleUnitId,
          recipientUserId: null,
          kind: 'action_item.assigned',
          link: `/meetings/action-items/${item.id}`,
        }),
      ]);
      expect(notices[0]!.titleZh).toContain('2021年第二次全区职业教育部门联席会议');
    }
    const list = (await hrss.get('/api/notifications')).json() as { items: Array<{ objectId: string }> };
    const hrssItem = (await items()).find((i) => i.responsibleUnitId === hrssId)!;
    expect(list.items.map((n) => n.objectId)).toEqual([hrssItem.id]);
  });
});
