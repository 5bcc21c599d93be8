import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../test/test-context.ts';
import { errorCode, startedInspection, supervisionCast } from './supervision-test-helpers.ts';

describe('rectification orders: deciding an extension on a finished order', () => {
  let ctx: TestContext;
  let c: Record<string, Client>;
  let orderId: string;
  let extensionId: string;

  beforeAll(async () => {
    ctx = await createTestContext();
    const cast = await supervisionCast(ctx);
    c = cast.clients;
    const inspectionId = await startedInspection(c.coordinator!, {
      inspectorIds: [cast.users.inspector.id],
      scope: [{ type: 'unit', id: cast.hrssId }],
    });
    const f = await c.inspector!.post(`/api/supervision/inspections/${inspectionId}/findings`, {
      subjectType: 'other',
      orgUnitId: cast.hrssId,
      subjectLabel: '职教经费',
      title: '台账不全',
      description: '',
      severity: 'general',
    });
    expect(f.statusCode, f.body).toBe(201);
    const findingId = (f.json() as { finding: { id: string } }).finding.id;
    const order = await c.inspector!.post(`/api/supervision/findings/${findingId}/order`, {
      requirements: '整改',
      dueDate: '2021-06-20',
    });
    expect(order.statusCode, order.body).toBe(201);
    orderId = (order.json() as { order: { id: string } }).order.id;
    const asked = await c.hrss!.post(`/api/supervision/orders/${orderId}/extension-requests`, {
      dueDate: '2021-07-20',
      reason: '资金尚未到位',
    });
    expect(asked.statusCode, asked.body).toBe(200);
    extensionId = (asked.json() as { order: { extensions: Array<{ id: string }> } }).order.extensions[0]!.id;
  });
  afterAll(() => ctx?.close());

  it.each(['verified', 'closed'] as const)(
    'refuses (409) to decide an extension once the order is %s',
    async (state) => {
      await ctx.db
        .updateTable('rectificationOrder')
        .set({ state, closedOn: state === 'closed' ? '2021-06-01' : null })
        .where('id', '=', orderId)
        .execute();
      const res = await c.inspector!.post(
        `/api/supervision/orders/${orderId}/extension-requests/${extensionId}/decision`,
        { approve: true, reason: '' },
      );
      expect(res.statusCode, res.body).toBe(409);
      expect(errorCode(res)).toBe('SUPERVISION_INVALID_TRANSITION');
      const row = await ctx.db
        .selectFrom('rectificationOrder')
        .select('dueDate')
        .where('id', '=', orderId)
        .executeTakeFirstOrThrow();
      expect(row.dueDate).toBe('2021-06-20');
      const ext = await ctx.db
        .selectFrom('rectificationExtension')
        .select('state')
        .where('id', '=', extensionId)
        .executeTakeFirstOrThrow();
      expect(ext.state).toBe('pending');
    },
  );
});
