import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noticesAbout, unitIdOf } from '../../platform/notifications/notifications.test-helpers.ts';
import {
  createTestContext,
  createUser,
  login,
  seedShangdang,
  taskByNumber,
  type Client,
  type TestContext,
} from '../../test/test-context.ts';

const PLAN = 'shangdang-vet-2020';

describe('a reviewed progress report notifies its reporting unit', () => {
  let ctx: TestContext;
  let planId: string;
  let coordinator: Client;
  let hrss: Client;
  let fin: Client;
  let hrssId: string;
  let periodId: string;

  /** A report of 区人社局 on task (十), handed in for review. */
  const submittedReport = async (taskNumber: number) => {
    const created = await hrss.post('/api/progress-reports', {
      taskId: (await taskByNumber(ctx, planId, taskNumber)).id,
      periodId,
      progress: 'on_track',
      narrative: '已完成年度培训计划编制',
      submit: true,
    });
    expect(created.statusCode, created.body).toBe(201);
    ctx.clock.advance(60_000);
    return (created.json() as { report: { id: string } }).report.id;
  };

  beforeAll(async () => {
    ctx = await createTestContext();
    ({ planId } = await seedShangdang(ctx));
    hrssId = await unitIdOf(ctx, 'SD-HRSS');
    coordinator = await login(ctx, (await createUser(ctx, 'coordinator', 'SD-EDU')).username);
    hrss = await login(ctx, (await createUser(ctx, 'unit_clerk', 'SD-HRSS')).username);
    fin = await login(ctx, (await createUser(ctx, 'unit_clerk', 'SD-FIN')).username);
    const periods = (await coordinator.get(`/api/plans/${PLAN}/periods`)).json() as {
      items: Array<{ id: string; current: boolean }>;
    };
    periodId = periods.items.find((p) => p.current)!.id;
  });
  afterAll(() => ctx?.close());

  it('approval: one notice to the reporting unit, linking to the task; a refused approval tells no one', async () => {
    const id = await submittedReport(10);
    expect((await hrss.post(`/api/progress-reports/${id}/approval`)).statusCode).toBe(403);
    expect(await noticesAbout(ctx, id)).toEqual([]);
    const approved = await coordinator.post(`/api/progress-reports/${id}/approval`);
    expect(approved.statusCode, approved.body).toBe(200);
    expect((await coordinator.post(`/api/progress-reports/${id}/approval`)).statusCode).toBe(409);
    const taskId = (await taskByNumber(ctx, planId, 10)).id;
    expect(await noticesAbout(ctx, id)).toEqual([
      expect.objectContaining({
        recipientUnitId: hrssId,
        kind: 'progress_report.approved',
        link: `/tasks/${taskId}`,
        bodyZh: null,
      }),
    ]);
    expect((await hrss.get('/api/notifications/unread-count')).json()).toEqual({ unread: 1 });
    expect((await fin.get('/api/notifications/unread-count')).json()).toEqual({ unread: 0 });
  });

  it('return: one notice with the reviewer’s comment, linking to the form; a return without comment tells no one', async () => {
    const id = await submittedReport(1);
    expect((await coordinator.post(`/api/progress-reports/${id}/return`, { comment: ' ' })).statusCode).toBe(
      400,
    );
    expect(await noticesAbout(ctx, id)).toEqual([]);
    const returned = await coordinator.post(`/api/progress-reports/${id}/return`, {
      comment: '请补充佐证材料',
    });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(await noticesAbout(ctx, id)).toEqual([
      expect.objectContaining({
        recipientUnitId: hrssId,
        kind: 'progress_report.returned',
        link: `/progress/${id}/edit`,
        bodyZh: '退回意见：请补充佐证材料',
      }),
    ]);
  });
});
