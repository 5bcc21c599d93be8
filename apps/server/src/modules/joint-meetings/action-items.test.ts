import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/actor.ts';
import {
  createTestContext,
  createUser,
  login,
  pdfUpload,
  seedShangdang,
  type Client,
  type TestContext,
} from '../../test/test-context.ts';
import { findActionItemsByIds } from './index.ts';

type Res = { statusCode: number; body: string; json(): unknown };
const errorOf = (res: Res) => (res.json() as { error: { code: string } }).error;
type Item = {
  id: string;
  state: string;
  daysLate: number | null;
  tier: string | null;
  completedOn: string | null;
  responsibleUnit: { code: string };
  abilities: { update: boolean; review: boolean };
  updates: Array<{
    state: string;
    claimsCompletion: boolean;
    reviewComment: string | null;
    files: Array<{ name: string }>;
  }>;
};
const itemOf = (res: Res) => (res.json() as { actionItem: Item }).actionItem;

describe('action items (议定事项落实): updates, review, 销号, alerts, minutes export', () => {
  let ctx: TestContext;
  let coordinator: Client;
  let hrss: Client;
  let fin: Client;
  let meetingId: string;
  let hrssItem: string;
  let finItem: string;
  const unit: Record<string, string> = {};
  const names: Record<string, string> = {};
  /** Moves the clock (days apart) and signs everyone in again: sessions end after 30 idle minutes. */
  const travel = async (iso: string) => {
    ctx.clock.set(iso);
    coordinator = await login(ctx, names.coordinator!);
    hrss = await login(ctx, names.hrss!);
    fin = await login(ctx, names.fin!);
  };
  /** The module's alerts as the alerts endpoint collects them, for a district-wide reader. */
  const alertsFor = async (scopeUnitIds: string[] | null, today: string) => {
    const actor = {
      userId: 'reader',
      orgUnitId: unit['SD-EDU']!,
      permissions: new Set(['meeting.read']),
      scope: scopeUnitIds ? { all: false, orgUnitIds: scopeUnitIds } : { all: true },
    } as unknown as Actor;
    const alerts = await ctx.services.alertSources.collect(actor, 'zh', today);
    return alerts.filter((a) => a.source === 'joint-meetings');
  };

  beforeAll(async () => {
    ctx = await createTestContext();
    await seedShangdang(ctx);
    for (const u of await ctx.db.selectFrom('orgUnit').select(['id', 'code']).execute()) unit[u.code] = u.id;
    names.coordinator = (await createUser(ctx, 'coordinator', 'SD-EDU')).username;
    coordinator = await login(ctx, names.coordinator);
    names.hrss = (await createUser(ctx, 'unit_clerk', 'SD-HRSS')).username;
    hrss = await login(ctx, names.hrss);
    names.fin = (await createUser(ctx, 'unit_clerk', 'SD-FIN')).username;
    fin = await login(ctx, names.fin);
    const created = await coordinator.post('/api/meetings', {
      title: '2021年第二次全区职业教育部门联席会议',
      meetingDate: '2021-05-24',
      location: '区政府三楼会议室',
      chair: '副区长 王某',
      memberUnitIds: [unit['SD-HRSS'], unit['SD-FIN']],
      agenda: ['听取工作情况汇报'],
    });
    meetingId = (created.json() as { meeting: { id: string } }).meeting.id;
    await coordinator.post(`/api/meetings/${meetingId}/preparation`);
  });
  afterAll(() => ctx?.close());

  it('reminds units whose remarks are missing as the meeting approaches: blue, then yellow', async () => {
    const blue = (await alertsFor(null, '2021-05-20')).filter((a) => a.kind === 'remarks_missing');
    expect(blue.map((a) => [a.unit.code, a.tier, a.daysLate])).toEqual(
      expect.arrayContaining([
        ['SD-HRSS', 'blue', -4],
        ['SD-FIN', 'blue', -4],
      ]),
    );
    await hrss.put(`/api/meetings/${meetingId}/status-reports/${unit['SD-HRSS']}/remarks`, {
      remarks: '已按期推进。',
    });
    const yellow = (await alertsFor(null, '2021-05-23')).filter((a) => a.kind === 'remarks_missing');
    expect(yellow.map((a) => [a.unit.code, a.tier])).toEqual([['SD-FIN', 'yellow']]);
    expect(yellow[0]!.link).toBe(`/meetings/${meetingId}`);
    // A unit sees only its own reminders.
    expect(await alertsFor([unit['SD-HRSS']!], '2021-05-23')).toEqual([]);
  });

  it('turns decisions into action items when the minutes are final; member units see their own', async () => {
    await travel('2021-05-24T02:00:00Z');
    await coordinator.post(`/api/meetings/${meetingId}/attendance`, {
      units: [
        { unitId: unit['SD-HRSS'], present: true, attendees: '张某（副局长）' },
        { unitId: unit['SD-FIN'], present: true, attendees: '赵某（科长）' },
      ],
    });
    const before = await coordinator.get(`/api/meetings/${meetingId}/minutes.docx`);
    expect(before.statusCode).toBe(409);
    expect(errorOf(before).code).toBe('MEETING_MINUTES_NOT_FINAL');
    await coordinator.post(`/api/meetings/${meetingId}/decisions`, {
      decision: '制定职业技能提升行动年度培训计划',
      responsibleUnitId: unit['SD-HRSS'],
      deadline: '2021-05-28',
    });
    await coordinator.post(`/api/meetings/${meetingId}/decisions`, {
      decision: '落实中职生均拨款8000元',
      responsibleUnitId: unit['SD-FIN'],
      deadline: '2021-06-30',
    });
    expect(((await coordinator.get('/api/action-items')).json() as { items: unknown[] }).items).toEqual([]);
    await coordinator.post(`/api/meetings/${meetingId}/minutes`, { summary: '' });
    const all = ((await coordinator.get('/api/action-items')).json() as { items: Item[] }).items;
    expect(all.map((i) => [i.responsibleUnit.code, i.state, i.daysLate, i.tier])).toEqual([
      ['SD-HRSS', 'open', -4, 'blue'],
      ['SD-FIN', 'open', -37, null],
    ]);
    hrssItem = all[0]!.id;
    finItem = all[1]!.id;
    const own = ((await hrss.get('/api/action-items')).json() as { items: Item[] }).items;
    expect(own.map((i) => i.id)).toEqual([hrssItem]);
    expect(own[0]!.abilities).toEqual({ update: true, review: false, remove: false });
    expect((await hrss.get(`/api/action-items/${finItem}`)).statusCode).toBe(404);
    expect(await findActionItemsByIds(ctx.db, [finItem, hrssItem, finItem])).toHaveLength(2);
  });

  it('takes an item through update, return, resubmission and acceptance to 销号, with files and audit', async () => {
    const upload = await hrss.request({
      method: 'POST',
      url: '/api/files',
      ...pdfUpload('年度培训计划.pdf'),
    });
    const fileId = (upload.json() as { id: string }).id;
    const other = await fin.request({ method: 'POST', url: '/api/files', ...pdfUpload('财政.pdf') });
    const foreign = await hrss.post(`/api/action-items/${hrssItem}/updates`, {
      narrative: '计划已起草',
      fileIds: [(other.json() as { id: string }).id],
      complete: false,
    });
    expect(foreign.statusCode).toBe(400);
    expect(
      (
        await fin.post(`/api/action-items/${hrssItem}/updates`, {
          narrative: 'x',
          fileIds: [],
          complete: true,
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await coordinator.post(`/api/action-items/${hrssItem}/updates`, {
          narrative: 'x',
          fileIds: [],
          complete: true,
        })
      ).statusCode,
    ).toBe(403);
    expect(errorOf(await coordinator.post(`/api/action-items/${hrssItem}/acceptance`)).code).toBe(
      'ACTION_ITEM_INVALID_TRANSITION',
    );

    const submitted = await hrss.post(`/api/action-items/${hrssItem}/updates`, {
      narrative: '年度培训计划已印发，见附件。',
      fileIds: [fileId],
      complete: true,
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    expect(itemOf(submitted)).toMatchObject({ state: 'submitted' });
    expect(itemOf(submitted).updates[0]!.files.map((f) => f.name)).toEqual(['年度培训计划.pdf']);
    const twice = await hrss.post(`/api/action-items/${hrssItem}/updates`, {
      narrative: 'x',
      fileIds: [],
      complete: false,
    });
    expect(errorOf(twice).code).toBe('ACTION_ITEM_INVALID_TRANSITION');
    expect((await hrss.post(`/api/action-items/${hrssItem}/acceptance`)).statusCode).toBe(403);

    const returned = await coordinator.post(`/api/action-items/${hrssItem}/return`, {
      comment: '请补充培训人次安排',
    });
    expect(itemOf(returned)).toMatchObject({ state: 'returned' });
    expect(itemOf(returned).updates[0]).toMatchObject({
      state: 'returned',
      reviewComment: '请补充培训人次安排',
    });
    expect(itemOf(await hrss.get(`/api/action-items/${hrssItem}`)).abilities.update).toBe(true);

    await travel('2021-05-27T02:00:00Z');
    await hrss.post(`/api/action-items/${hrssItem}/updates`, {
      narrative: '已补充：全年培训 3000 人次。',
      fileIds: [],
      complete: true,
    });
    const accepted = await coordinator.post(`/api/action-items/${hrssItem}/acceptance`);
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(itemOf(accepted)).toMatchObject({
      state: 'completed',
      completedOn: '2021-05-27',
      tier: null,
      daysLate: null,
    });
    expect(itemOf(accepted).updates.map((u) => u.state)).toEqual(['returned', 'accepted']);

    const actions = await ctx.db
      .selectFrom('auditLog')
      .select('action')
      .where('objectId', '=', hrssItem)
      .orderBy('seq')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'meeting.decision_added',
      'action_item.update_submitted',
      'action_item.update_returned',
      'action_item.update_submitted',
      'action_item.update_accepted',
      'action_item.completed',
    ]);
  });

  it('raises tiered alerts for items approaching or past their deadline until they are completed', async () => {
    const tiers = async (today: string) =>
      (await alertsFor(null, today)).filter(
        (a) => a.source === 'joint-meetings' && a.kind.startsWith('action_item'),
      );
    expect(await tiers('2021-06-10')).toEqual([]);
    expect((await tiers('2021-06-25')).map((a) => [a.kind, a.tier, a.daysLate])).toEqual([
      ['action_item_due', 'blue', -5],
    ]);
    expect((await tiers('2021-07-20')).map((a) => [a.kind, a.tier, a.unit.code])).toEqual([
      ['action_item_overdue', 'yellow', 'SD-FIN'],
    ]);
    const red = await tiers('2021-08-15');
    expect(red.map((a) => [a.tier, a.daysLate])).toEqual([['red', 46]]);
    expect(red[0]!.message).toContain('已超过完成时限 46 天');
    await travel('2021-08-15T02:00:00Z');
    // The unit finds it among its alerts (预警) beside the plan's own.
    const finAlerts = (await fin.get('/api/alerts')).json() as {
      items: Array<{ source?: string; kind: string; tier: string; link: string | null }>;
    };
    expect(finAlerts.items).toContainEqual(
      expect.objectContaining({
        source: 'joint-meetings',
        kind: 'action_item_overdue',
        tier: 'red',
        link: `/meetings/action-items/${finItem}`,
      }),
    );
    const hrssAlerts = (await hrss.get('/api/alerts')).json() as { items: Array<{ source?: string }> };
    expect(hrssAlerts.items.filter((a) => a.source === 'joint-meetings')).toEqual([]);
    const overdue = ((await coordinator.get('/api/action-items?overdue=true')).json() as { items: Item[] })
      .items;
    expect(overdue.map((i) => [i.id, i.tier])).toEqual([[finItem, 'red']]);
  });

  it('lists no overdue item in a state that is never overdue (draft, completed) instead of failing', async () => {
    for (const client of [coordinator, hrss])
      for (const state of ['draft', 'completed', 'open', 'submitted', 'returned']) {
        const res = await client.get(`/api/action-items?state=${state}&overdue=true`);
        expect(res.statusCode, `${state}: ${res.body}`).toBe(200);
        const items = (res.json() as { items: Item[] }).items;
        expect(items.every((i) => i.state === state && i.daysLate !== null && i.daysLate > 0)).toBe(true);
      }
  });

  it('closes the meeting only once every item is 销号, and exports the minutes to the district and its members', async () => {
    expect(errorOf(await coordinator.post(`/api/meetings/${meetingId}/closure`)).code).toBe(
      'MEETING_ACTION_ITEMS_OPEN',
    );
    await fin.post(`/api/action-items/${finItem}/updates`, {
      narrative: '已拨付。',
      fileIds: [],
      complete: true,
    });
    await coordinator.post(`/api/action-items/${finItem}/acceptance`);
    const closed = await coordinator.post(`/api/meetings/${meetingId}/closure`);
    expect(closed.statusCode, closed.body).toBe(200);
    expect((closed.json() as { meeting: { state: string } }).meeting.state).toBe('closed');

    const docx = await coordinator.get(`/api/meetings/${meetingId}/minutes.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    // Issued minutes go to every member unit (印发各成员单位), with every decision in them.
    expect((await hrss.get(`/api/meetings/${meetingId}/minutes.docx`)).statusCode).toBe(200);
    const exported = await ctx.db
      .selectFrom('auditLog')
      .select('action')
      .where('objectId', '=', meetingId)
      .where('action', '=', 'meeting.minutes_exported')
      .execute();
    expect(exported).toHaveLength(2);
  });
});
