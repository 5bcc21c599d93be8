import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  createUser,
  login,
  seedShangdang,
  type Client,
  type TestContext,
} from '../../test/test-context.ts';

type Res = { statusCode: number; body: string; json(): unknown };
const errorOf = (res: Res) => (res.json() as { error: { code: string; details?: unknown } }).error;
type StatusReport = {
  unit: { code: string };
  snapshot: null | {
    windowStart: string;
    tasks: Array<{ label: string; role: string }>;
    indicators: Array<{ code: string; status: string }>;
    overdueReports: Array<{ taskLabel: string; periodLabel: string; daysLate: number }>;
    rectification: { open: number };
  };
  remarks: string | null;
  abilities: { remark: boolean };
};
type Meeting = {
  id: string;
  number: number;
  state: string;
  remarksMissing: number;
  members: Array<{ unit: { id: string; code: string }; attendance: string; attendees: string }>;
  statusReports: StatusReport[];
  decisions: Array<{ id: string; number: number; state: string; responsibleUnit: { code: string } }>;
  abilities: Record<string, boolean>;
};
const meetingOf = (res: Res) => (res.json() as { meeting: Meeting }).meeting;

describe('joint meetings: convene, prepare, remarks, attendance, decisions, minutes', () => {
  let ctx: TestContext;
  let coordinator: Client;
  let hrss: Client;
  let fin: Client;
  let vhs: Client;
  const unit: Record<string, string> = {};
  const names: Record<string, string> = {};
  /** Moves the clock (days apart) and signs everyone in again: sessions end after 30 idle minutes. */
  const travel = async (iso: string) => {
    ctx.clock.set(iso);
    coordinator = await login(ctx, names.coordinator!);
    hrss = await login(ctx, names.hrss!);
    fin = await login(ctx, names.fin!);
    vhs = await login(ctx, names.vhs!);
  };
  const audit = (objectId: string) =>
    ctx.db
      .selectFrom('auditLog')
      .select(['action', 'result'])
      .where('objectId', '=', objectId)
      .orderBy('seq')
      .execute();
  const create = (c: Client, date: string, title = '2021年第二次全区职业教育部门联席会议') =>
    c.post('/api/meetings', {
      title,
      meetingDate: date,
      location: '区政府三楼会议室',
      chair: '副区长 王某',
      memberUnitIds: [unit['SD-EDU'], unit['SD-HRSS'], unit['SD-FIN']],
      agenda: ['听取各成员单位工作情况汇报', '研究职业技能提升行动推进事项'],
    });
  const attendance = (presentAll = true) => ({
    units: [
      { unitId: unit['SD-EDU'], present: true, attendees: '李某（局长）' },
      { unitId: unit['SD-HRSS'], present: true, attendees: '张某（副局长）' },
      {
        unitId: unit['SD-FIN'],
        present: presentAll,
        attendees: presentAll ? '赵某（科长）' : '',
        absenceReason: '另有公务',
      },
    ],
  });

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
    names.vhs = (await createUser(ctx, 'unit_clerk', 'SD-VHS')).username;
    vhs = await login(ctx, names.vhs);
  });
  afterAll(() => ctx?.close());

  it('takes a meeting from planned to minutes issued, with status reports, remarks and an audit trail', async () => {
    const created = await create(coordinator, '2021-05-25');
    expect(created.statusCode, created.body).toBe(201);
    const draft = meetingOf(created);
    expect(draft).toMatchObject({ state: 'planned', number: 1 });
    expect(draft.statusReports.every((s) => s.snapshot === null)).toBe(true);
    expect(draft.abilities).toMatchObject({ prepare: true, recordAttendance: false, decide: false });

    const prepared = meetingOf(await coordinator.post(`/api/meetings/${draft.id}/preparation`));
    const report = prepared.statusReports.find((s) => s.unit.code === 'SD-HRSS')!;
    // 区人社局 leads task （十）; its 2021 Q1 report fell due on 2021-04-10 and was never handed in.
    expect(report.snapshot!.tasks).toContainEqual(expect.objectContaining({ label: '（十）', role: 'lead' }));
    expect(report.snapshot!.overdueReports).toContainEqual(
      expect.objectContaining({ taskLabel: '（十）', periodLabel: '2021年第1季度', daysLate: 40 }),
    );
    expect(report.snapshot!.rectification).toMatchObject({ open: 0 });
    expect(prepared.remarksMissing).toBe(3);

    // The member unit sees its own status report only, and may add remarks to it.
    const own = meetingOf(await hrss.get(`/api/meetings/${draft.id}`));
    expect(own.statusReports.map((s) => s.unit.code)).toEqual(['SD-HRSS']);
    expect(own.statusReports[0]!.abilities.remark).toBe(true);
    expect(own.abilities).toMatchObject({ edit: false, prepare: false, recordAttendance: false });
    const remarked = await hrss.put(`/api/meetings/${draft.id}/status-reports/${unit['SD-HRSS']}/remarks`, {
      remarks: '一季度报告因系统账号未开通延误，已于5月补报。',
    });
    expect(remarked.statusCode, remarked.body).toBe(200);
    expect(meetingOf(remarked).statusReports[0]!.remarks).toContain('补报');
    expect(meetingOf(await coordinator.get(`/api/meetings/${draft.id}`)).remarksMissing).toBe(2);

    const early = await coordinator.post(`/api/meetings/${draft.id}/attendance`, attendance(false));
    expect(early.statusCode).toBe(409);
    expect(errorOf(early).code).toBe('MEETING_DATE_NOT_REACHED');

    await travel('2021-05-25T02:00:00Z');
    const held = await coordinator.post(`/api/meetings/${draft.id}/attendance`, attendance(false));
    expect(held.statusCode, held.body).toBe(200);
    const heldMeeting = meetingOf(held);
    expect(heldMeeting.state).toBe('held');
    expect(heldMeeting.members.find((m) => m.unit.code === 'SD-FIN')).toMatchObject({ attendance: 'absent' });
    expect(heldMeeting.members.find((m) => m.unit.code === 'SD-HRSS')).toMatchObject({
      attendance: 'present',
      attendees: '张某（副局长）',
    });

    const late = await fin.put(`/api/meetings/${draft.id}/status-reports/${unit['SD-FIN']}/remarks`, {
      remarks: '补充说明',
    });
    expect(late.statusCode).toBe(409);
    expect(errorOf(late).code).toBe('MEETING_ALREADY_HELD');
    const refresh = await coordinator.post(`/api/meetings/${draft.id}/preparation`);
    expect(errorOf(refresh).code).toBe('MEETING_ALREADY_HELD');

    const decided = await coordinator.post(`/api/meetings/${draft.id}/decisions`, {
      decision: '区人社局牵头制定职业技能提升行动年度培训计划',
      responsibleUnitId: unit['SD-HRSS'],
      deadline: '2021-06-30',
    });
    expect(decided.statusCode, decided.body).toBe(201);
    const second = meetingOf(
      await coordinator.post(`/api/meetings/${draft.id}/decisions`, {
        decision: '区财政局落实中职生均拨款8000元',
        responsibleUnitId: unit['SD-FIN'],
        deadline: '2021-09-30',
      }),
    );
    expect(second.decisions.map((d) => [d.number, d.state, d.responsibleUnit.code])).toEqual([
      [1, 'draft', 'SD-HRSS'],
      [2, 'draft', 'SD-FIN'],
    ]);
    // Drafts of the minutes are the district's business until they are final.
    expect(meetingOf(await hrss.get(`/api/meetings/${draft.id}`)).decisions).toEqual([]);

    const final = await coordinator.post(`/api/meetings/${draft.id}/minutes`, { summary: '' });
    expect(final.statusCode, final.body).toBe(200);
    expect(meetingOf(final)).toMatchObject({ state: 'minutes_final' });
    expect(meetingOf(final).decisions.every((d) => d.state === 'open')).toBe(true);
    const hrssView = meetingOf(await hrss.get(`/api/meetings/${draft.id}`));
    expect(hrssView.decisions.map((d) => d.responsibleUnit.code)).toEqual(['SD-HRSS']);

    const closing = await coordinator.post(`/api/meetings/${draft.id}/closure`);
    expect(closing.statusCode).toBe(409);
    expect(errorOf(closing).code).toBe('MEETING_ACTION_ITEMS_OPEN');

    const actions = (await audit(draft.id)).map((a) => a.action);
    expect(actions).toEqual([
      'meeting.created',
      'meeting.prepared',
      'meeting.remarks_submitted',
      'meeting.held',
      'meeting.minutes_finalised',
    ]);
    const decisionAudit = await ctx.db
      .selectFrom('auditLog')
      .select('action')
      .where('objectType', '=', 'action_item')
      .execute();
    expect(decisionAudit.map((a) => a.action)).toEqual(['meeting.decision_added', 'meeting.decision_added']);
  });

  it('refuses minutes, decisions and attendance out of order, and a meeting without decisions', async () => {
    await travel('2021-06-01T02:00:00Z');
    const m = meetingOf(await create(coordinator, '2021-06-10', '2021年第三次联席会议'));
    expect(m.number).toBe(2);
    const notHeld = await coordinator.post(`/api/meetings/${m.id}/minutes`, { summary: '' });
    expect(notHeld.statusCode).toBe(409);
    expect(errorOf(notHeld).code).toBe('MEETING_NOT_HELD');
    const decision = await coordinator.post(`/api/meetings/${m.id}/decisions`, {
      decision: '事项',
      responsibleUnitId: unit['SD-FIN'],
      deadline: '2021-07-01',
    });
    expect(errorOf(decision).code).toBe('MEETING_NOT_HELD');
    await travel('2021-06-10T02:00:00Z');
    const unprepared = await coordinator.post(`/api/meetings/${m.id}/attendance`, attendance());
    expect(errorOf(unprepared).code).toBe('MEETING_NOT_PREPARED');
    const remarkUnprepared = await hrss.put(
      `/api/meetings/${m.id}/status-reports/${unit['SD-HRSS']}/remarks`,
      {
        remarks: '情况说明',
      },
    );
    expect(errorOf(remarkUnprepared).code).toBe('MEETING_NOT_PREPARED');

    const prepared = meetingOf(await coordinator.post(`/api/meetings/${m.id}/preparation`));
    // The window starts at the previous meeting (2021-05-25): the 2021 Q1 report fell due before it.
    const hrssReport = prepared.statusReports.find((s) => s.unit.code === 'SD-HRSS')!.snapshot!;
    expect(hrssReport.windowStart).toBe('2021-05-25');
    expect(hrssReport.overdueReports).toEqual([]);

    const partial = await coordinator.post(`/api/meetings/${m.id}/attendance`, {
      units: [
        { unitId: unit['SD-HRSS'], present: true, attendees: '' },
        { unitId: unit['SD-TAX'], present: true, attendees: '钱某' },
      ],
    });
    expect(partial.statusCode).toBe(400);
    const problems = (errorOf(partial).details as Array<{ field: string; code: string }>).map(
      (d) => `${d.field}:${d.code}`,
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        'units.0.attendees:REQUIRED',
        'units.1.unitId:MEETING_NOT_MEMBER',
        'units:REQUIRED',
      ]),
    );
    expect(meetingOf(await coordinator.get(`/api/meetings/${m.id}`)).state).toBe('planned');

    expect((await coordinator.post(`/api/meetings/${m.id}/attendance`, attendance())).statusCode).toBe(200);
    const again = await coordinator.post(`/api/meetings/${m.id}/attendance`, attendance());
    expect(errorOf(again).code).toBe('MEETING_INVALID_TRANSITION');
    const empty = await coordinator.post(`/api/meetings/${m.id}/minutes`, {
      summary: '会议研究了有关事项。',
    });
    expect(empty.statusCode).toBe(409);
    expect(errorOf(empty).code).toBe('MEETING_NO_DECISIONS');
    expect(meetingOf(await coordinator.get(`/api/meetings/${m.id}`)).state).toBe('held');

    const added = meetingOf(
      await coordinator.post(`/api/meetings/${m.id}/decisions`, {
        decision: '误录事项',
        responsibleUnitId: unit['SD-FIN'],
        deadline: '2021-07-01',
      }),
    );
    const removed = await coordinator.request({
      method: 'DELETE',
      url: `/api/meetings/${m.id}/decisions/${added.decisions[0]!.id}`,
    });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(meetingOf(removed).decisions).toEqual([]);
  });

  it('answers 403 to a clerk who would convene or run a meeting, and to remarks for another unit', async () => {
    const m = (await coordinator.get('/api/meetings')).json() as {
      items: Array<{ id: string; state: string }>;
    };
    const planned = meetingOf(await create(coordinator, '2021-07-10', '2021年第四次联席会议'));
    expect(m.items.length).toBe(2);
    expect((await create(hrss, '2021-07-01')).statusCode).toBe(403);
    expect((await hrss.post(`/api/meetings/${planned.id}/preparation`)).statusCode).toBe(403);
    // The coordinator (no meeting.remark) cannot write a unit's remarks; a member cannot see another's report.
    await coordinator.post(`/api/meetings/${planned.id}/preparation`);
    expect(
      (
        await coordinator.put(`/api/meetings/${planned.id}/status-reports/${unit['SD-HRSS']}/remarks`, {
          remarks: 'x',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await fin.put(`/api/meetings/${planned.id}/status-reports/${unit['SD-HRSS']}/remarks`, {
          remarks: 'x',
        })
      ).statusCode,
    ).toBe(404);
    const denied = await ctx.db
      .selectFrom('auditLog')
      .select('details')
      .where('result', '=', 'denied')
      .where('action', '=', 'access.denied')
      .execute();
    expect(denied.map((d) => (d.details as { route: string }).route)).toEqual(
      expect.arrayContaining(['/api/meetings', '/api/meetings/:id/preparation']),
    );
  });

  it('shows a unit only the meetings it attends; other units get 404', async () => {
    const vhsList = (await vhs.get('/api/meetings')).json() as { items: unknown[] };
    expect(vhsList.items).toEqual([]);
    const all = (await coordinator.get('/api/meetings')).json() as { items: Array<{ id: string }> };
    expect(all.items).toHaveLength(3);
    for (const { id } of all.items) expect((await vhs.get(`/api/meetings/${id}`)).statusCode).toBe(404);
    const finList = (await fin.get('/api/meetings')).json() as { items: Array<{ id: string }> };
    expect(finList.items).toHaveLength(3);
  });
});
