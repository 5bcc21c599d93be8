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
type Rectification = { open: number; items: Array<{ title: string }> };
type Meeting = {
  id: string;
  state: string;
  statusReports: Array<{ unit: { code: string }; snapshot: { rectification: Rectification } | null }>;
};
const meetingOf = (res: Res) => (res.json() as { meeting: Meeting }).meeting;
const rectificationOf = (m: Meeting, code: string) =>
  m.statusReports.find((s) => s.unit.code === code)!.snapshot!.rectification;

/**
 * A held meeting keeps its members' status reports as they were on the meeting's day: orders
 * issued after it (even before attendance was recorded, or since) never show on it.
 */
describe('a meeting’s status reports are the situation at the meeting', () => {
  let ctx: TestContext;
  const names = { coordinator: '', inspector: '' };
  const unit: Record<string, string> = {};
  let coordinator: Client;
  let inspector: Client;
  let inspectionId: string;
  const travel = async (iso: string) => {
    ctx.clock.set(iso);
    coordinator = await login(ctx, names.coordinator);
    inspector = await login(ctx, names.inspector);
  };
  /** The inspector records a finding on 区人社局 and issues its rectification order. */
  const orderForHrss = async (title: string) => {
    const finding = await inspector.post(`/api/supervision/inspections/${inspectionId}/findings`, {
      subjectType: 'other',
      orgUnitId: unit['SD-HRSS'],
      title,
      description: '台账资料不全',
      severity: 'general',
    });
    expect(finding.statusCode, finding.body).toBe(201);
    const findingId = (finding.json() as { finding: { id: string } }).finding.id;
    const order = await inspector.post(`/api/supervision/findings/${findingId}/order`, {
      requirements: '限期整改',
      dueDate: '2021-06-30',
    });
    expect(order.statusCode, order.body).toBe(201);
  };

  beforeAll(async () => {
    ctx = await createTestContext();
    await seedShangdang(ctx);
    for (const u of await ctx.db.selectFrom('orgUnit').select(['id', 'code']).execute()) unit[u.code] = u.id;
    names.coordinator = (await createUser(ctx, 'coordinator', 'SD-EDU')).username;
    const inspectorUser = await createUser(ctx, 'inspector', 'SD-EDU');
    names.inspector = inspectorUser.username;
    coordinator = await login(ctx, names.coordinator);
    inspector = await login(ctx, names.inspector);
    const inspection = await coordinator.post('/api/supervision/inspections', {
      kind: 'special',
      title: '2021年职业教育专项督导',
      purpose: '检查行动计划落实情况',
      startsOn: '2021-05-10',
      endsOn: '2021-06-30',
      schedule: [],
      inspectorIds: [inspectorUser.id],
      leadInspectorId: inspectorUser.id,
      scope: [{ type: 'unit', id: unit['SD-HRSS'] }],
    });
    expect(inspection.statusCode, inspection.body).toBe(201);
    inspectionId = (inspection.json() as { inspection: { id: string } }).inspection.id;
    expect((await coordinator.post(`/api/supervision/inspections/${inspectionId}/start`)).statusCode).toBe(
      200,
    );
  });
  afterAll(() => ctx?.close());

  it('stores the status as of the meeting day when it is held, and keeps it', async () => {
    const members = [unit['SD-EDU']!, unit['SD-HRSS']!, unit['SD-FIN']!];
    const created = await coordinator.post('/api/meetings', {
      title: '2021年第二次全区职业教育部门联席会议',
      meetingDate: '2021-05-25',
      location: '区政府三楼会议室',
      chair: '副区长 王某',
      memberUnitIds: members,
      agenda: ['听取各成员单位工作情况汇报'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = meetingOf(created);
    const prepared = meetingOf(await coordinator.post(`/api/meetings/${id}/preparation`));
    expect(rectificationOf(prepared, 'SD-HRSS').open).toBe(0);

    await travel('2021-05-22T02:00:00Z');
    await orderForHrss('职业技能培训台账不全');
    await travel('2021-05-26T02:00:00Z');
    await orderForHrss('会后发现的问题');

    await travel('2021-05-27T02:00:00Z');
    const held = await coordinator.post(`/api/meetings/${id}/attendance`, {
      units: members.map((unitId) => ({ unitId, present: true, attendees: '负责同志' })),
    });
    expect(held.statusCode, held.body).toBe(200);
    const atMeeting = rectificationOf(meetingOf(held), 'SD-HRSS');
    expect(atMeeting.open).toBe(1);
    expect(atMeeting.items.map((o) => o.title)).toEqual(['关于职业技能培训台账不全的整改通知']);

    await travel('2021-06-02T02:00:00Z');
    await orderForHrss('六月的问题');
    const later = meetingOf(await coordinator.get(`/api/meetings/${id}`));
    expect(later.state).toBe('held');
    expect(rectificationOf(later, 'SD-HRSS')).toEqual(atMeeting);
  });
});
