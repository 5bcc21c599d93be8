import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-context.ts';
import { errorCode, startedInspection, supervisionCast } from './supervision-test-helpers.ts';

describe('a finding on a joint-meeting action item (议定事项)', () => {
  let ctx: TestContext;
  let cast: Awaited<ReturnType<typeof supervisionCast>>;
  let inspectionId: string;
  let actionItemId: string;

  beforeAll(async () => {
    ctx = await createTestContext();
    cast = await supervisionCast(ctx);
    const coordinator = cast.clients.coordinator;
    inspectionId = await startedInspection(coordinator, {
      inspectorIds: [cast.users.inspector.id],
      scope: [{ type: 'unit', id: cast.hrssId }],
    });
    const created = await coordinator.post('/api/meetings', {
      title: '2021年第一次联席会议',
      meetingDate: '2021-05-20',
      location: '',
      chair: '',
      memberUnitIds: [cast.hrssId, cast.finId],
      agenda: [],
    });
    expect(created.statusCode, created.body).toBe(201);
    const meetingId = (created.json() as { meeting: { id: string } }).meeting.id;
    await coordinator.post(`/api/meetings/${meetingId}/preparation`);
    const units = [cast.hrssId, cast.finId].map((unitId) => ({ unitId, present: true, attendees: '参会人' }));
    expect((await coordinator.post(`/api/meetings/${meetingId}/attendance`, { units })).statusCode).toBe(200);
    await coordinator.post(`/api/meetings/${meetingId}/decisions`, {
      decision: '区人社局牵头制定技能等级认定实施办法',
      responsibleUnitId: cast.hrssId,
      deadline: '2021-06-30',
    });
    expect((await coordinator.post(`/api/meetings/${meetingId}/minutes`, { summary: '' })).statusCode).toBe(
      200,
    );
    actionItemId = (await ctx.db.selectFrom('actionItem').select('id').executeTakeFirstOrThrow()).id;
  });
  afterAll(() => ctx?.close());

  it('addresses the finding to the item’s responsible unit with the decision as evidence', async () => {
    const res = await cast.clients.inspector.post(`/api/supervision/inspections/${inspectionId}/findings`, {
      subjectType: 'action_item',
      subjectId: actionItemId,
      title: '议定事项未按期落实',
      description: '',
      severity: 'general',
    });
    expect(res.statusCode, res.body).toBe(201);
    const f = (
      res.json() as {
        finding: { unit: { id: string }; subjectLabel: string; evidence: Record<string, unknown> };
      }
    ).finding;
    expect(f.unit.id).toBe(cast.hrssId);
    expect(f.subjectLabel).toContain('2021年第一次联席会议');
    expect(f.evidence).toMatchObject({
      decision: '区人社局牵头制定技能等级认定实施办法',
      deadline: '2021-06-30',
    });
  });

  it('refuses an action item that does not exist, writing nothing', async () => {
    const before = await ctx.db.selectFrom('finding').select('id').execute();
    const res = await cast.clients.inspector.post(`/api/supervision/inspections/${inspectionId}/findings`, {
      subjectType: 'action_item',
      subjectId: '00000000-0000-4000-8000-000000000000',
      title: '不存在的议定事项',
      description: '',
      severity: 'general',
    });
    expect(res.statusCode).toBe(400);
    expect(errorCode(res)).toBe('VALIDATION_FAILED');
    expect(await ctx.db.selectFrom('finding').select('id').execute()).toHaveLength(before.length);
  });
});
