import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noticesAbout } from '../../platform/notifications/notifications.test-helpers.ts';
import { createTestContext, taskByNumber, type Client, type TestContext } from '../../test/test-context.ts';
import { startedInspection, supervisionCast } from './supervision-test-helpers.ts';

describe('rectification orders notify the inspected unit: issued, verified, sent back, closed', () => {
  let ctx: TestContext;
  let cast: Awaited<ReturnType<typeof supervisionCast>>;
  let c: Record<string, Client>;
  let findingId: string;
  let orderId: string;
  const kinds = async () => (await noticesAbout(ctx, orderId)).map((n) => [n.kind, n.recipientUnitId]);
  const answer = async () => {
    const res = await c.hrss!.post(`/api/supervision/orders/${orderId}/answer`, {
      measures: '已整改',
      fileIds: [],
    });
    expect(res.statusCode, res.body).toBe(200);
  };

  beforeAll(async () => {
    ctx = await createTestContext();
    cast = await supervisionCast(ctx);
    c = cast.clients;
    const task = await taskByNumber(ctx, cast.planId, 9);
    const inspectionId = await startedInspection(c.coordinator!, {
      inspectorIds: [cast.users.inspector.id],
      scope: [
        { type: 'unit', id: cast.hrssId },
        { type: 'task', id: task.id },
      ],
    });
    const f = await c.inspector!.post(`/api/supervision/inspections/${inspectionId}/findings`, {
      subjectType: 'task',
      subjectId: task.id,
      orgUnitId: cast.hrssId,
      title: '校企合作推进滞后',
      description: '未按期报送进展',
      severity: 'general',
    });
    expect(f.statusCode, f.body).toBe(201);
    findingId = (f.json() as { finding: { id: string } }).finding.id;
  });
  afterAll(() => ctx?.close());

  it('tells the unit once that an order was issued to it; a refused issue tells no one', async () => {
    const past = await c.inspector!.post(`/api/supervision/findings/${findingId}/order`, {
      requirements: '整改',
      dueDate: '2021-05-01',
    });
    expect(past.statusCode).toBe(400);
    expect(await ctx.db.selectFrom('notification').select('id').execute()).toEqual([]);
    const res = await c.inspector!.post(`/api/supervision/findings/${findingId}/order`, {
      requirements: '一个月内完成整改',
      dueDate: '2021-06-20',
    });
    expect(res.statusCode, res.body).toBe(201);
    orderId = (res.json() as { order: { id: string } }).order.id;
    const notices = await noticesAbout(ctx, orderId);
    expect(notices).toEqual([
      expect.objectContaining({
        recipientUnitId: cast.hrssId,
        kind: 'rectification_order.issued',
        titleZh: '收到整改通知：关于校企合作推进滞后的整改通知',
        bodyZh: '整改期限：2021-06-20',
        link: `/supervision/orders/${orderId}`,
      }),
    ]);
    expect((await c.fin!.get('/api/notifications')).json()).toMatchObject({ total: 0 });
  });

  it('tells the unit its answer was sent back (退回), verified and the order closed (销号), once each', async () => {
    await answer();
    expect(
      (await c.inspector!.post(`/api/supervision/orders/${orderId}/return`, { comment: '' })).statusCode,
    ).toBe(400);
    expect(await kinds()).toEqual([['rectification_order.issued', cast.hrssId]]);
    const back = await c.inspector!.post(`/api/supervision/orders/${orderId}/return`, {
      comment: '佐证材料不足',
    });
    expect(back.statusCode, back.body).toBe(200);
    await answer();
    expect((await c.hrss!.post(`/api/supervision/orders/${orderId}/verification`, {})).statusCode).toBe(403);
    const verified = await c.inspector!.post(`/api/supervision/orders/${orderId}/verification`, {
      comment: '',
    });
    expect(verified.statusCode, verified.body).toBe(200);
    expect((await c.inspector!.post(`/api/supervision/orders/${orderId}/closure`)).statusCode).toBe(200);
    expect((await c.inspector!.post(`/api/supervision/orders/${orderId}/closure`)).statusCode).toBe(409);
    const notices = await noticesAbout(ctx, orderId);
    expect(notices.map((n) => n.kind).sort()).toEqual([
      'rectification_order.closed',
      'rectification_order.issued',
      'rectification_order.returned',
      'rectification_order.verified',
    ]);
    expect(notices.every((n) => n.recipientUnitId === cast.hrssId)).toBe(true);
    expect(notices.find((n) => n.kind === 'rectification_order.returned')!.bodyZh).toBe(
      '复核意见：佐证材料不足',
    );
    expect((await c.hrss!.get('/api/notifications/unread-count')).json()).toEqual({ unread: 4 });
  });
});
