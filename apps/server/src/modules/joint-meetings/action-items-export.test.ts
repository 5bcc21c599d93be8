import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readExport } from '../../test/read-export.ts';
import {
  createTestContext,
  createUser,
  login,
  seedShangdang,
  type Client,
  type TestContext,
} from '../../test/test-context.ts';

describe('the action items export (议定事项 .xlsx)', () => {
  let ctx: TestContext;
  let coordinator: Client;
  let hrss: Client;
  const unit: Record<string, string> = {};

  beforeAll(async () => {
    ctx = await createTestContext();
    await seedShangdang(ctx);
    for (const u of await ctx.db.selectFrom('orgUnit').select(['id', 'code']).execute()) unit[u.code] = u.id;
    ctx.clock.set('2021-05-24T02:00:00Z');
    coordinator = await login(ctx, (await createUser(ctx, 'coordinator', 'SD-EDU')).username);
    hrss = await login(ctx, (await createUser(ctx, 'unit_clerk', 'SD-HRSS')).username);
    const created = await coordinator.post('/api/meetings', {
      title: '2021年第二次全区职业教育部门联席会议',
      meetingDate: '2021-05-24',
      location: '区政府三楼会议室',
      chair: '副区长 王某',
      memberUnitIds: [unit['SD-HRSS'], unit['SD-FIN']],
      agenda: ['听取工作情况汇报'],
    });
    const meetingId = (created.json() as { meeting: { id: string } }).meeting.id;
    await coordinator.post(`/api/meetings/${meetingId}/preparation`);
    await coordinator.post(`/api/meetings/${meetingId}/attendance`, {
      units: [
        { unitId: unit['SD-HRSS'], present: true, attendees: '张某（副局长）' },
        { unitId: unit['SD-FIN'], present: true, attendees: '赵某（科长）' },
      ],
    });
    for (const [code, decision, deadline] of [
      ['SD-HRSS', '制定职业技能提升行动年度培训计划', '2021-05-28'],
      ['SD-FIN', '落实中职生均拨款8000元', '2021-06-30'],
    ])
      await coordinator.post(`/api/meetings/${meetingId}/decisions`, {
        decision,
        responsibleUnitId: unit[code!],
        deadline,
      });
    const minutes = await coordinator.post(`/api/meetings/${meetingId}/minutes`, { summary: '' });
    expect(minutes.statusCode, minutes.body).toBe(200);
  }, 180_000);
  afterAll(() => ctx?.close());

  it('holds the rows of the list, the district sees both units and a clerk only their own', async () => {
    const list = (await coordinator.get('/api/action-items')).json() as {
      items: Array<{ decision: string }>;
    };
    const all = await readExport(await coordinator.get('/api/action-items/export.xlsx'));
    expect(all.sheetName).toBe('议定事项');
    expect(all.header.slice(0, 4)).toEqual(['会议', '会议日期', '序号', '议定事项']);
    expect(all.rows.map((r) => r[3])).toEqual(list.items.map((i) => i.decision));
    expect(all.rows.map((r) => [r[4], r[5], r[6]])).toEqual([
      ['区人社局', '2021-05-28', '落实中'],
      ['区财政局', '2021-06-30', '落实中'],
    ]);
    const own = await readExport(await hrss.get('/api/action-items/export.xlsx'));
    expect(own.titleBlock[0]).toBe('议定事项 — 区人社局');
    expect(own.rows.map((r) => r[4])).toEqual(['区人社局']);
  });

  it('applies the filters as the list does and audits the export', async () => {
    const byUnit = await readExport(
      await coordinator.get(`/api/action-items/export.xlsx?unitId=${unit['SD-FIN']}`),
    );
    expect(byUnit.rows.map((r) => r[3])).toEqual(['落实中职生均拨款8000元']);
    expect(byUnit.titleBlock[1]).toBe('筛选：责任单位=区财政局');
    const done = await readExport(await coordinator.get('/api/action-items/export.xlsx?state=completed'));
    expect(done.rows).toEqual([]);
    // No item matches: the unit is still named, not shown as its id.
    const none = await readExport(
      await coordinator.get(`/api/action-items/export.xlsx?unitId=${unit['SD-FIN']}&state=completed`),
    );
    expect(none.rows).toEqual([]);
    expect(none.titleBlock[1]).toBe('筛选：责任单位=区财政局；状态=已销号');
    const audit = await ctx.db
      .selectFrom('auditLog')
      .select(['objectType', 'details'])
      .where('action', '=', 'meetings.export')
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => [a.objectType, (a.details as { rows: number }).rows])).toEqual([
      ['action_item', 2],
      ['action_item', 1],
      ['action_item', 1],
      ['action_item', 0],
      ['action_item', 0],
    ]);
  });
});
