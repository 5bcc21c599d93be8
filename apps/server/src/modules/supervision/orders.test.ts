import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  pdfUpload,
  taskByNumber,
  type Client,
  type TestContext,
} from '../../test/test-context.ts';
import { auditActions, errorCode, startedInspection, supervisionCast } from './supervision-test-helpers.ts';

type Order = {
  id: string;
  state: string;
  dueDate: string;
  tier: string | null;
  closedOnTime: boolean | null;
  files: unknown[];
  extensions: Array<{ id: string; state: string }>;
  events: Array<{ action: string }>;
  abilities: Record<string, boolean>;
};
const orderOf = (res: { json(): unknown }) => (res.json() as { order: Order }).order;

describe('rectification orders: issue, answer, extension, verify, send back, close', () => {
  let ctx: TestContext;
  let cast: Awaited<ReturnType<typeof supervisionCast>>;
  let c: Record<string, Client>;
  let inspectionId: string;
  let findingId: string;
  let orderId: string;

  beforeAll(async () => {
    ctx = await createTestContext();
    cast = await supervisionCast(ctx);
    c = cast.clients;
    const task = await taskByNumber(ctx, cast.planId, 9);
    inspectionId = await startedInspection(c.coordinator!, {
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

  it('issues an order for a finding, once, with a future deadline', async () => {
    const past = await c.inspector!.post(`/api/supervision/findings/${findingId}/order`, {
      requirements: '整改',
      dueDate: '2021-05-01',
    });
    expect(past.statusCode).toBe(400);
    const clerk = await c.hrss!.post(`/api/supervision/findings/${findingId}/order`, {
      requirements: '整改',
      dueDate: '2021-06-20',
    });
    expect(clerk.statusCode).toBe(403);
    const other = await c.otherInspector!.post(`/api/supervision/findings/${findingId}/order`, {
      requirements: '整改',
      dueDate: '2021-06-20',
    });
    expect(other.statusCode).toBe(404);
    const res = await c.inspector!.post(`/api/supervision/findings/${findingId}/order`, {
      requirements: '一个月内完成整改',
      dueDate: '2021-05-25',
    });
    expect(res.statusCode, res.body).toBe(201);
    const order = orderOf(res);
    orderId = order.id;
    expect(order).toMatchObject({ state: 'issued', dueDate: '2021-05-25', tier: 'blue' });
    expect(order.abilities).toMatchObject({ verify: false, close: false, answer: false });
    const again = await c.inspector!.post(`/api/supervision/findings/${findingId}/order`, {
      requirements: 'x',
      dueDate: '2021-06-20',
    });
    expect(errorCode(again)).toBe('SUPERVISION_FINDING_HAS_ORDER');
    const finding = await ctx.db
      .selectFrom('finding')
      .select('state')
      .where('id', '=', findingId)
      .executeTakeFirstOrThrow();
    expect(finding.state).toBe('rectifying');
  });

  it('scopes orders: its unit and the inspection’s inspectors see it, other units and inspectors get 404', async () => {
    expect((await c.hrss!.get(`/api/supervision/orders/${orderId}`)).statusCode).toBe(200);
    expect(orderOf(await c.hrss!.get(`/api/supervision/orders/${orderId}`)).abilities.answer).toBe(true);
    expect((await c.fin!.get(`/api/supervision/orders/${orderId}`)).statusCode).toBe(404);
    expect((await c.otherInspector!.get(`/api/supervision/orders/${orderId}`)).statusCode).toBe(404);
    expect((await c.otherInspector!.get(`/api/supervision/inspections/${inspectionId}`)).statusCode).toBe(
      404,
    );
    const own = await c.hrss!.get(`/api/supervision/inspections/${inspectionId}`);
    expect(own.statusCode).toBe(200);
    expect((own.json() as { inspection: { findings: unknown[] } }).inspection.findings).toHaveLength(1);
    expect((await c.fin!.get(`/api/supervision/inspections/${inspectionId}`)).statusCode).toBe(404);
    expect((await c.viewer!.get(`/api/supervision/orders/${orderId}`)).statusCode).toBe(200);
    const finList = (await c.fin!.get('/api/supervision/orders')).json() as { items: unknown[] };
    expect(finList.items).toEqual([]);
    const hrssList = (await c.hrss!.get('/api/supervision/findings')).json() as {
      items: Array<{ id: string }>;
    };
    expect(hrssList.items.map((f) => f.id)).toEqual([findingId]);
    expect(
      (await c.fin!.post(`/api/supervision/orders/${orderId}/answer`, { measures: 'x', fileIds: [] }))
        .statusCode,
    ).toBe(404);
  });

  it('refuses closing and verifying before there is an answer (409 with a code)', async () => {
    const close = await c.inspector!.post(`/api/supervision/orders/${orderId}/closure`);
    expect(close.statusCode).toBe(409);
    expect(errorCode(close)).toBe('SUPERVISION_ORDER_NOT_VERIFIED');
    const verify = await c.inspector!.post(`/api/supervision/orders/${orderId}/verification`, {});
    expect(errorCode(verify)).toBe('SUPERVISION_ORDER_NOT_ANSWERED');
    expect((await c.hrss!.post(`/api/supervision/orders/${orderId}/verification`, {})).statusCode).toBe(403);
  });

  it('lets the unit ask for an extension; the inspector refuses one with a reason and approves another', async () => {
    const early = await c.hrss!.post(`/api/supervision/orders/${orderId}/extension-requests`, {
      dueDate: '2021-05-20',
      reason: '需要时间',
    });
    expect(early.statusCode).toBe(400);
    const asked = orderOf(
      await c.hrss!.post(`/api/supervision/orders/${orderId}/extension-requests`, {
        dueDate: '2021-06-30',
        reason: '需协调财政资金',
      }),
    );
    expect(asked.extensions).toHaveLength(1);
    const twice = await c.hrss!.post(`/api/supervision/orders/${orderId}/extension-requests`, {
      dueDate: '2021-07-30',
      reason: 'x',
    });
    expect(errorCode(twice)).toBe('SUPERVISION_EXTENSION_PENDING');
    const ext = asked.extensions[0]!.id;
    const noReason = await c.inspector!.post(
      `/api/supervision/orders/${orderId}/extension-requests/${ext}/decision`,
      { approve: false, reason: '' },
    );
    expect(noReason.statusCode).toBe(400);
    const refused = orderOf(
      await c.inspector!.post(`/api/supervision/orders/${orderId}/extension-requests/${ext}/decision`, {
        approve: false,
        reason: '理由不充分',
      }),
    );
    expect(refused).toMatchObject({ dueDate: '2021-05-25' });
    const decidedTwice = await c.inspector!.post(
      `/api/supervision/orders/${orderId}/extension-requests/${ext}/decision`,
      { approve: true, reason: '' },
    );
    expect(errorCode(decidedTwice)).toBe('SUPERVISION_EXTENSION_NOT_PENDING');
    const second = orderOf(
      await c.hrss!.post(`/api/supervision/orders/${orderId}/extension-requests`, {
        dueDate: '2021-06-10',
        reason: '补充材料',
      }),
    );
    const approved = orderOf(
      await c.inspector!.post(
        `/api/supervision/orders/${orderId}/extension-requests/${second.extensions[1]!.id}/decision`,
        { approve: true, reason: '' },
      ),
    );
    expect(approved).toMatchObject({ dueDate: '2021-06-10', tier: null });
    expect(approved.extensions.map((e) => e.state)).toEqual(['refused', 'approved']);
  });

  it('takes the answer with evidence files of the unit only, then sends it back and takes it again', async () => {
    const upload = await c.hrss!.request({ method: 'POST', url: '/api/files', ...pdfUpload('整改报告.pdf') });
    const fileId = (upload.json() as { id: string }).id;
    const foreign = await c.inspector!.request({ method: 'POST', url: '/api/files', ...pdfUpload('x.pdf') });
    const bad = await c.hrss!.post(`/api/supervision/orders/${orderId}/answer`, {
      measures: '已整改',
      fileIds: [(foreign.json() as { id: string }).id],
    });
    expect(bad.statusCode).toBe(400);
    const answered = orderOf(
      await c.hrss!.post(`/api/supervision/orders/${orderId}/answer`, {
        measures: '已制定校企合作方案',
        fileIds: [fileId],
      }),
    );
    expect(answered).toMatchObject({ state: 'answered' });
    expect(answered.files).toHaveLength(1);
    expect(
      (await c.inspector!.post(`/api/supervision/orders/${orderId}/return`, { comment: '' })).statusCode,
    ).toBe(400);
    const back = orderOf(
      await c.inspector!.post(`/api/supervision/orders/${orderId}/return`, { comment: '佐证材料不足' }),
    );
    expect(back.state).toBe('returned');
    const again = orderOf(
      await c.hrss!.post(`/api/supervision/orders/${orderId}/answer`, {
        measures: '补充了合作协议',
        fileIds: [fileId],
      }),
    );
    expect(again.state).toBe('answered');
  });

  it('verifies and closes (销号) on time, resolving the finding, with history and audit rows', async () => {
    const verified = orderOf(
      await c.inspector!.post(`/api/supervision/orders/${orderId}/verification`, { comment: '核查属实' }),
    );
    expect(verified.abilities.close).toBe(true);
    const closed = orderOf(await c.inspector!.post(`/api/supervision/orders/${orderId}/closure`));
    expect(closed).toMatchObject({ state: 'closed', closedOnTime: true, tier: null });
    expect(errorCode(await c.inspector!.post(`/api/supervision/orders/${orderId}/closure`))).toBe(
      'SUPERVISION_INVALID_TRANSITION',
    );
    expect(closed.events.map((e) => e.action)).toEqual([
      'issued',
      'extension_requested',
      'extension_refused',
      'extension_requested',
      'extension_approved',
      'answered',
      'returned',
      'answered',
      'verified',
      'closed',
    ]);
    const finding = await ctx.db
      .selectFrom('finding')
      .select('state')
      .where('id', '=', findingId)
      .executeTakeFirstOrThrow();
    expect(finding.state).toBe('resolved');
    const actions = await auditActions(ctx, orderId);
    expect(actions).toEqual(closed.events.map((e) => `supervision.order.${e.action}`));
    expect(await auditActions(ctx, findingId)).toEqual(['supervision.finding.recorded']);
  });
});
