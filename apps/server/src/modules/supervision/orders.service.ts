import type { OrderState } from '@zhijiao/contracts';
import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import { chinaDate } from '../../platform/clock/clock.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError, fieldError, notFound } from '../../platform/errors/app-error.ts';
import type { SupervisionDeps } from './inspections.service.ts';
import * as repo from './supervision.repository.ts';
import {
  ANSWERABLE,
  canSeeRecord,
  mayInspect,
  mayRespond,
  orderAbilities,
  refusal,
  supervisionView,
} from './supervision.policy.ts';
import { orderOut } from './supervision.views.ts';
import { blueFrom } from './supervision.rules.ts';

type OrderAction =
  | 'issued'
  | 'answered'
  | 'extension_requested'
  | 'extension_approved'
  | 'extension_refused'
  | 'verified'
  | 'returned'
  | 'closed';

/**
 * Rectification orders (整改通知): an inspector issues one for a finding with a deadline; the
 * responsible unit answers with measures and evidence files, or asks for an extension (approved or
 * refused with a reason); the inspector verifies the answer and closes the order (销号), or sends
 * it back. Each step is refused with a clear code when the order's state does not allow it.
 */
export function createOrderService(deps: SupervisionDeps) {
  const { db, audit, clock } = deps;
  const today = () => chinaDate(clock.now());

  async function event(
    trx: Executor,
    actor: Actor,
    orderId: string,
    action: OrderAction,
    details: Record<string, unknown> = {},
    comment: string | null = null,
  ) {
    await trx
      .insertInto('rectificationEvent')
      .values({ orderId, at: clock.now(), actorId: actor.userId, action, comment })
      .execute();
    await audit.record(trx, auditActorOf(actor), {
      action: `supervision.order.${action}`,
      objectType: 'rectification_order',
      objectId: orderId,
      details: comment ? { ...details, comment } : details,
    });
  }

  async function loadOrder(actor: Actor, id: string) {
    const row = await repo.findOrderRow(db, id);
    const inspectorIds = row
      ? ((await repo.inspectorIdsOf(db, [row.inspectionId])).get(row.inspectionId) ?? [])
      : [];
    if (!row || !canSeeRecord(supervisionView(actor), { ...row, inspectorIds })) throw notFound();
    const o = { ...row, inspectorIds, pendingExtension: Boolean(row.pendingExtension) };
    return { ...o, can: orderAbilities(actor, o) };
  }

  /** Moves the order from one of `from` to `to` inside `trx`, or refuses with 409 `code`. */
  async function move(
    trx: Executor,
    id: string,
    from: readonly OrderState[],
    to: OrderState,
    set: Record<string, unknown>,
    code: AppError['code'],
  ) {
    const updated = await trx
      .updateTable('rectificationOrder')
      .set({ ...set, state: to, updatedAt: clock.now() })
      .where('id', '=', id)
      .where('state', 'in', [...from])
      .returning('findingId')
      .executeTakeFirst();
    if (!updated) throw new AppError(code, 409);
    return updated.findingId;
  }

  function done(actor: Actor, id: string) {
    deps.onWrite?.();
    return getOrder(actor, id);
  }

  async function issueOrder(
    actor: Actor,
    findingId: string,
    input: { title?: string; requirements: string; dueDate: string },
  ) {
    const f = await repo.findingsQuery(db).where('f.id', '=', findingId).executeTakeFirst();
    const inspectorIds = f
      ? ((await repo.inspectorIdsOf(db, [f.inspectionId])).get(f.inspectionId) ?? [])
      : [];
    if (!f || !canSeeRecord(supervisionView(actor), { ...f, inspectorIds })) throw notFound();
    if (!mayInspect(actor, { districtId: f.districtId, inspectorIds })) throw new AppError('FORBIDDEN', 403);
    if (f.orderId || f.state !== 'open') throw new AppError('SUPERVISION_FINDING_HAS_ORDER', 409);
    if (input.dueDate <= today())
      throw fieldError('dueDate', 'DATE_PAST', '整改期限须晚于今天', 'The deadline must be after today');
    if (!input.requirements.trim())
      throw fieldError('requirements', 'REQUIRED', '请填写整改要求', 'The requirements are required');
    const id = await db.transaction().execute(async (trx) => {
      const now = clock.now();
      const opened = await trx
        .updateTable('finding')
        .set({ state: 'rectifying' })
        .where('id', '=', findingId)
        .where('state', '=', 'open')
        .returning('id')
        .executeTakeFirst();
      if (!opened) throw new AppError('SUPERVISION_FINDING_HAS_ORDER', 409);
      const row = await trx
        .insertInto('rectificationOrder')
        .values({
          findingId,
          inspectionId: f.inspectionId,
          districtId: f.districtId,
          orgUnitId: f.orgUnitId,
          title: input.title?.trim() || `关于${f.title}的整改通知`,
          requirements: input.requirements.trim(),
          state: 'issued',
          issuedOn: today(),
          originalDueDate: input.dueDate,
          dueDate: input.dueDate,
          createdBy: actor.userId,
          createdAt: now,
          updatedAt: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await event(trx, actor, row.id, 'issued', { findingId, dueDate: input.dueDate });
      return row.id;
    });
    return done(actor, id);
  }

  async function answerOrder(actor: Actor, id: string, input: { measures: string; fileIds: string[] }) {
    const o = await loadOrder(actor, id);
    if (!o.can.answer) throw refusal(mayRespond(actor, o));
    if (!input.measures.trim())
      throw fieldError('measures', 'REQUIRED', '请填写整改措施', 'The measures are required');
    const files = await repo.listFilesByIds(db, input.fileIds);
    const own = new Set(files.filter((f) => f.orgUnitId === actor.orgUnitId).map((f) => f.id));
    const bad = input.fileIds.findIndex((f) => !own.has(f));
    if (bad >= 0)
      throw fieldError(
        `fileIds.${bad}`,
        'FILE_UNKNOWN',
        '附件不存在或不属于本单位',
        'Unknown file, or not uploaded by your unit',
      );
    await db.transaction().execute(async (trx) => {
      await move(
        trx,
        id,
        ANSWERABLE,
        'answered',
        {
          measures: input.measures.trim(),
          evidenceFileIds: [...new Set(input.fileIds)],
          answeredAt: clock.now(),
          answeredBy: actor.userId,
        },
        'SUPERVISION_INVALID_TRANSITION',
      );
      await event(trx, actor, id, 'answered', { files: input.fileIds.length });
    });
    return done(actor, id);
  }

  async function requestExtension(actor: Actor, id: string, input: { dueDate: string; reason: string }) {
    const o = await loadOrder(actor, id);
    if (!o.can.requestExtension) {
      if (mayRespond(actor, o) && o.pendingExtension)
        throw new AppError('SUPERVISION_EXTENSION_PENDING', 409);
      throw refusal(mayRespond(actor, o));
    }
    if (input.dueDate <= o.dueDate)
      throw fieldError(
        'dueDate',
        'SUPERVISION_EXTENSION_DATE',
        '延期后的期限须晚于当前整改期限',
        'The new deadline must be later than the current one',
      );
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('rectificationExtension')
        .values({
          orderId: id,
          requestedDueDate: input.dueDate,
          reason: input.reason.trim(),
          state: 'pending',
          requestedBy: actor.userId,
          requestedAt: clock.now(),
        })
        .execute();
      await event(trx, actor, id, 'extension_requested', { dueDate: input.dueDate }, input.reason.trim());
    });
    return done(actor, id);
  }

  async function decideExtension(
    actor: Actor,
    id: string,
    extensionId: string,
    input: { approve: boolean; reason: string },
  ) {
    const o = await loadOrder(actor, id);
    if (!mayInspect(actor, o)) throw new AppError('FORBIDDEN', 403);
    if (!input.approve && !input.reason.trim())
      throw fieldError('reason', 'REQUIRED', '不同意延期须说明理由', 'A reason is required when refusing');
    await db.transaction().execute(async (trx) => {
      // The order's state is read under a row lock: a verified or closed order takes no new deadline.
      const current = await trx
        .selectFrom('rectificationOrder')
        .select('state')
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirstOrThrow();
      if (current.state === 'verified' || current.state === 'closed')
        throw new AppError('SUPERVISION_INVALID_TRANSITION', 409);
      const ext = await trx
        .updateTable('rectificationExtension')
        .set({
          state: input.approve ? 'approved' : 'refused',
          decidedBy: actor.userId,
          decidedAt: clock.now(),
          decisionReason: input.reason.trim() || null,
        })
        .where('id', '=', extensionId)
        .where('orderId', '=', id)
        .where('state', '=', 'pending')
        .returning('requestedDueDate')
        .executeTakeFirst();
      if (!ext) {
        const exists = await trx
          .selectFrom('rectificationExtension')
          .select('id')
          .where('id', '=', extensionId)
          .where('orderId', '=', id)
          .executeTakeFirst();
        if (!exists) throw notFound();
        throw new AppError('SUPERVISION_EXTENSION_NOT_PENDING', 409);
      }
      if (input.approve) {
        await trx
          .updateTable('rectificationOrder')
          .set({ dueDate: ext.requestedDueDate, updatedAt: clock.now() })
          .where('id', '=', id)
          .execute();
      }
      await event(
        trx,
        actor,
        id,
        input.approve ? 'extension_approved' : 'extension_refused',
        { extensionId, dueDate: ext.requestedDueDate },
        input.reason.trim() || null,
      );
    });
    return done(actor, id);
  }

  async function verifyOrder(actor: Actor, id: string, comment: string) {
    const o = await loadOrder(actor, id);
    if (!o.can.verify)
      throw refusal(
        mayInspect(actor, o),
        o.state === 'verified' || o.state === 'closed'
          ? 'SUPERVISION_INVALID_TRANSITION'
          : 'SUPERVISION_ORDER_NOT_ANSWERED',
      );
    await db.transaction().execute(async (trx) => {
      await move(
        trx,
        id,
        ['answered'],
        'verified',
        { verifiedAt: clock.now(), verifiedBy: actor.userId, reviewComment: comment.trim() || null },
        'SUPERVISION_ORDER_NOT_ANSWERED',
      );
      await event(trx, actor, id, 'verified', {}, comment.trim() || null);
    });
    return done(actor, id);
  }

  async function sendBackOrder(actor: Actor, id: string, comment: string) {
    const o = await loadOrder(actor, id);
    if (!comment.trim())
      throw fieldError('comment', 'REQUIRED', '退回时须填写意见', 'A comment is required when sending back');
    if (!o.can.sendBack) throw refusal(mayInspect(actor, o), 'SUPERVISION_ORDER_NOT_ANSWERED');
    await db.transaction().execute(async (trx) => {
      await move(
        trx,
        id,
        ['answered'],
        'returned',
        { reviewComment: comment.trim() },
        'SUPERVISION_ORDER_NOT_ANSWERED',
      );
      await event(trx, actor, id, 'returned', {}, comment.trim());
    });
    return done(actor, id);
  }

  /** 销号: only an order whose answer was verified; the finding is resolved with it. */
  async function closeOrder(actor: Actor, id: string) {
    const o = await loadOrder(actor, id);
    if (!o.can.close)
      throw refusal(
        mayInspect(actor, o),
        o.state === 'closed' ? 'SUPERVISION_INVALID_TRANSITION' : 'SUPERVISION_ORDER_NOT_VERIFIED',
      );
    await db.transaction().execute(async (trx) => {
      const closedOn = today();
      const findingId = await move(
        trx,
        id,
        ['verified'],
        'closed',
        { closedOn, closedBy: actor.userId },
        'SUPERVISION_ORDER_NOT_VERIFIED',
      );
      await trx.updateTable('finding').set({ state: 'resolved' }).where('id', '=', findingId).execute();
      await event(trx, actor, id, 'closed', { closedOn, onTime: closedOn <= o.dueDate });
    });
    return done(actor, id);
  }

  async function getOrder(actor: Actor, id: string) {
    const o = await loadOrder(actor, id);
    const [files, extensions, events] = await Promise.all([
      repo.listFilesByIds(db, o.evidenceFileIds),
      repo.listExtensions(db, id),
      repo.listOrderEvents(db, id),
    ]);
    return {
      ...orderOut(actor, o, o.inspectorIds, today()),
      measures: o.measures,
      reviewComment: o.reviewComment,
      answeredAt: o.answeredAt,
      verifiedAt: o.verifiedAt,
      files: files.map(({ orgUnitId: _u, ...f }) => f),
      extensions,
      events: events.map((e) => ({ ...e, actor: e.actor ?? '' })),
    };
  }

  async function listOrders(
    actor: Actor,
    q: {
      state?: OrderState;
      inspectionId?: string;
      orgUnitId?: string;
      overdue?: boolean;
      dueSoon?: boolean;
      limit: number;
      offset: number;
    },
  ) {
    let query = repo
      .ordersQuery(db)
      .where(repo.visibleSql(supervisionView(actor), 'o'))
      .orderBy('o.dueDate')
      .orderBy('o.id')
      .limit(q.limit)
      .offset(q.offset);
    if (q.state) query = query.where('o.state', '=', q.state);
    if (q.inspectionId) query = query.where('o.inspectionId', '=', q.inspectionId);
    if (q.orgUnitId) query = query.where('o.orgUnitId', '=', q.orgUnitId);
    if (q.overdue) query = query.where('o.state', '<>', 'closed').where('o.dueDate', '<', today());
    if (q.dueSoon) query = query.where('o.state', '<>', 'closed').where('o.dueDate', '<=', blueFrom(today()));
    const rows = await query.execute();
    const inspectors = await repo.inspectorIdsOf(
      db,
      rows.map((r) => r.inspectionId),
    );
    return rows.map((r) => orderOut(actor, r, inspectors.get(r.inspectionId) ?? [], today()));
  }

  return {
    issueOrder,
    answerOrder,
    requestExtension,
    decideExtension,
    verifyOrder,
    sendBackOrder,
    closeOrder,
    getOrder,
    listOrders,
  };
}

export type OrderService = ReturnType<typeof createOrderService>;
