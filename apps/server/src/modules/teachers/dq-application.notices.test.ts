import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noticesAbout } from '../../platform/notifications/notifications.test-helpers.ts';
import { createTestContext, type Client, type TestContext } from '../../test/test-context.ts';
import { createTeacher, teacherBody, teachersCast } from './teachers-test-helpers.ts';

describe('the district’s decision on a 双师型 application notifies the school', () => {
  let ctx: TestContext;
  let cast: Awaited<ReturnType<typeof teachersCast>>;
  let vhs: Client;
  let coordinator: Client;

  /** An application of a new teacher of 区职业高中, passed by the school, with the teacher's name and ID. */
  const passedApplication = async () => {
    const body = teacherBody(cast.vhsId);
    const teacherId = await createTeacher(vhs, body);
    const applied = await vhs.post(`/api/teachers/${teacherId}/dq-applications`, {
      level: 'intermediate',
      statement: '申请中级认定',
    });
    expect(applied.statusCode, applied.body).toBe(201);
    const id = (applied.json() as { application: { id: string } }).application.id;
    ctx.clock.advance(60_000);
    const passed = await vhs.post(`/api/dq-applications/${id}/school-review`, {
      decision: 'pass',
      comment: '',
    });
    expect(passed.statusCode, passed.body).toBe(200);
    ctx.clock.advance(60_000);
    return { id, name: body.name, idNumber: body.idNumber };
  };

  beforeAll(async () => {
    ctx = await createTestContext();
    cast = await teachersCast(ctx);
    ({ vhs, coordinator } = cast.clients);
  });
  afterAll(() => ctx?.close());

  it('approval: one notice to the school naming the teacher, never the ID number', async () => {
    const a = await passedApplication();
    expect(
      (await vhs.post(`/api/dq-applications/${a.id}/decision`, { decision: 'approve' })).statusCode,
    ).toBe(403);
    expect(await noticesAbout(ctx, a.id)).toEqual([]);
    const approved = await coordinator.post(`/api/dq-applications/${a.id}/decision`, {
      decision: 'approve',
      certifyingBody: '长治市上党区教育局',
      recognisedOn: '2021-05-20',
    });
    expect(approved.statusCode, approved.body).toBe(200);
    const notices = await noticesAbout(ctx, a.id);
    expect(notices).toEqual([
      expect.objectContaining({
        recipientUnitId: cast.vhsId,
        kind: 'dq_application.approved',
        titleZh: `${a.name}的中级双师型教师认定申请已通过`,
        link: `/teachers/dq?queue=all&open=${a.id}`,
      }),
    ]);
    expect(JSON.stringify(notices)).not.toContain(a.idNumber.slice(6, 14));
    expect((await cast.clients.vec.get('/api/notifications/unread-count')).json()).toEqual({ unread: 0 });
  });

  it('refusal: one notice with the reason; a refusal without reason tells no one', async () => {
    const a = await passedApplication();
    const blank = await coordinator.post(`/api/dq-applications/${a.id}/decision`, {
      decision: 'refuse',
      reason: ' ',
    });
    expect(blank.statusCode).toBe(400);
    expect(await noticesAbout(ctx, a.id)).toEqual([]);
    const refused = await coordinator.post(`/api/dq-applications/${a.id}/decision`, {
      decision: 'refuse',
      reason: '企业实践时长不足',
    });
    expect(refused.statusCode, refused.body).toBe(200);
    expect(await noticesAbout(ctx, a.id)).toEqual([
      expect.objectContaining({
        recipientUnitId: cast.vhsId,
        kind: 'dq_application.refused',
        bodyZh: '理由：企业实践时长不足',
      }),
    ]);
  });
});
