import type { Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { fieldError, notFound } from '../../platform/errors/app-error.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { takeFindingStep } from './findings.workflow.ts';
import { orderNotice } from './orders.notices.ts';
import { decideExtension as decideExtensionRow, findExtension } from './orders.repository.ts';
import { getOrder } from './orders-read.service.ts';
import { assertOrderStep, extensionWorkflow, orderWorkflow } from './orders.workflow.ts';
import { loadOrder, todayOf } from './supervision.access.ts';
import type { DecisionInput } from './supervision.schema.ts';

/** The inspector's side of an order: extension decisions, verification, sending back, 销号. */

type LoadedOrder = Awaited<ReturnType<typeof loadOrder>>;

/** Decides the pending request `extensionId` of the order inside `trx`. */
async function decideRequest(
  deps: ModuleDeps,
  trx: Executor,
  actor: Actor,
  order: LoadedOrder,
  extensionId: string,
  input: DecisionInput,
) {
  const extension = await findExtension(trx, order.id, extensionId);
  if (!extension) throw notFound();
  const decision = input.approve ? 'approve' : 'refuse';
  extensionWorkflow.assert(decision, actor, { ...order, state: extension.state });
  const reason = input.reason.trim() || null;
  await orderWorkflow.apply(deps, trx, input.approve ? 'approveExtension' : 'refuseExtension', actor, order, {
    set: input.approve ? { dueDate: extension.requestedDueDate } : {},
    comment: reason,
    details: { extensionId, dueDate: extension.requestedDueDate },
  });
  const rule = extensionWorkflow.definition.steps[decision];
  const decided = await decideExtensionRow(trx, extensionId, rule.from, {
    state: rule.to!,
    decidedBy: actor.userId,
    decidedAt: deps.clock.now(),
    decisionReason: reason,
  });
  if (!decided) throw extensionWorkflow.conflict(decision);
}

/**
 * Approves an extension request (the deadline moves to the requested day) or refuses it with a
 * reason; a verified or closed order takes no new deadline.
 */
export async function decideExtension(
  deps: ModuleDeps,
  actor: Actor,
  id: string,
  extensionId: string,
  input: DecisionInput,
) {
  const order = await loadOrder(deps.db, actor, id);
  orderWorkflow.assert(input.approve ? 'approveExtension' : 'refuseExtension', actor, order);
  if (!input.approve && !input.reason.trim())
    throw fieldError('reason', 'REQUIRED', '不同意延期须说明理由', 'A reason is required when refusing');
  await deps.transaction((trx) => decideRequest(deps, trx, actor, order, extensionId, input));
  return getOrder(deps, actor, id);
}

/** Verifies the unit's answer (复核通过: answered → verified). */
export async function verifyOrder(deps: ModuleDeps, actor: Actor, id: string, comment: string) {
  const order = await loadOrder(deps.db, actor, id);
  assertOrderStep('verify', actor, order);
  const text = comment.trim() || null;
  await deps.transaction(async (trx) => {
    await orderWorkflow.apply(deps, trx, 'verify', actor, order, {
      set: { verifiedAt: deps.clock.now(), verifiedBy: actor.userId, reviewComment: text },
      comment: text,
    });
    await deps.notifications.publish(trx, orderNotice(order, 'verified', text));
  });
  return getOrder(deps, actor, id);
}

/** Sends the answer back with the reason (退回重改: answered → returned). */
export async function sendBackOrder(deps: ModuleDeps, actor: Actor, id: string, comment: string) {
  const order = await loadOrder(deps.db, actor, id);
  const text = comment.trim();
  if (!text)
    throw fieldError('comment', 'REQUIRED', '退回时须填写意见', 'A comment is required when sending back');
  assertOrderStep('sendBack', actor, order);
  await deps.transaction(async (trx) => {
    await orderWorkflow.apply(deps, trx, 'sendBack', actor, order, {
      set: { reviewComment: text },
      comment: text,
    });
    await deps.notifications.publish(trx, orderNotice(order, 'returned', text));
  });
  return getOrder(deps, actor, id);
}

/** 销号: closes an order whose answer was verified; its finding is resolved with it. */
export async function closeOrder(deps: ModuleDeps, actor: Actor, id: string) {
  const order = await loadOrder(deps.db, actor, id);
  assertOrderStep('close', actor, order);
  const closedOn = todayOf(deps);
  await deps.transaction(async (trx) => {
    await orderWorkflow.apply(deps, trx, 'close', actor, order, {
      set: { closedOn, closedBy: actor.userId },
      details: { closedOn, onTime: closedOn <= order.dueDate },
    });
    await takeFindingStep(trx, 'resolve', order.findingId);
    await deps.notifications.publish(trx, orderNotice(order, 'closed'));
  });
  return getOrder(deps, actor, id);
}
