import type { Actor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { defineWorkflow } from '../../platform/workflow/workflow.ts';
import { mayInspect, mayRespond, type InspectionFacts } from './supervision.policy.ts';

/** What an order's steps read: its inspection's district and inspectors, and the unit it is addressed to. */
export interface OrderFacts extends InspectionFacts {
  orgUnitId: string;
}

const inspect = (actor: Actor, o: OrderFacts) => mayInspect(actor, o);
const respond = (actor: Actor, o: OrderFacts) => mayRespond(actor, o);

/**
 * A rectification order (整改通知): issued for a finding; the unit answers (from issued or
 * returned); the inspector verifies the answer or sends it back, then closes the order (销号).
 * Until it is verified the unit may ask for a later deadline and the inspector decides. Whoever
 * answered the order or asked for an extension (its history says) takes none of the inspector's
 * steps on it, whatever their permissions; the inspector who issued it verifies it. Every step
 * writes a history row (`rectification_event`) and an audit row `supervision.order.<action>`.
 */
export const orderWorkflow = defineWorkflow({
  table: 'rectificationOrder',
  history: { table: 'rectificationEvent', key: 'orderId' },
  auditPrefix: 'supervision.order',
  objectType: 'rectification_order',
  conflict: 'SUPERVISION_INVALID_TRANSITION',
  steps: {
    issue: { from: [], to: 'issued', may: inspect, action: 'issued' },
    answer: { from: ['issued', 'returned'], to: 'answered', may: respond, action: 'answered', authors: true },
    requestExtension: {
      from: ['issued', 'answered', 'returned'],
      may: respond,
      action: 'extension_requested',
      authors: true,
    },
    approveExtension: {
      from: ['issued', 'answered', 'returned'],
      may: inspect,
      action: 'extension_approved',
      reviews: true,
    },
    refuseExtension: {
      from: ['issued', 'answered', 'returned'],
      may: inspect,
      action: 'extension_refused',
      reviews: true,
    },
    verify: {
      from: ['answered'],
      to: 'verified',
      may: inspect,
      action: 'verified',
      conflict: 'SUPERVISION_ORDER_NOT_ANSWERED',
      reviews: true,
    },
    sendBack: {
      from: ['answered'],
      to: 'returned',
      may: inspect,
      action: 'returned',
      conflict: 'SUPERVISION_ORDER_NOT_ANSWERED',
      reviews: true,
    },
    close: {
      from: ['verified'],
      to: 'closed',
      may: inspect,
      action: 'closed',
      conflict: 'SUPERVISION_ORDER_NOT_VERIFIED',
      reviews: true,
    },
  },
});

type OrderStep = (typeof orderWorkflow.steps)[number];
type OrderSubject = Parameters<typeof orderWorkflow.abilities>[1];

/**
 * States in which a step is refused as already done (the workflow's generic 409) rather than with
 * the step's own "not yet" code: verifying a verified or closed order, closing a closed one.
 */
const ALREADY_PAST: Partial<Record<OrderStep, readonly OrderSubject['state'][]>> = {
  verify: ['verified', 'closed'],
  close: ['closed'],
};

/** Refuses a step the actor may not take now: 403, or 409 with the code the state calls for. */
export function assertOrderStep(step: OrderStep, actor: Actor, order: OrderSubject): void {
  if (orderWorkflow.can(step, actor, order)) return;
  const rule = orderWorkflow.definition.steps[step];
  if (rule.may(actor, order) && ALREADY_PAST[step]?.includes(order.state))
    throw new AppError(orderWorkflow.definition.conflict, 409);
  orderWorkflow.assert(step, actor, order);
}

/** What the actor may do with an order now, as the API sends it. */
export function orderAbilities(actor: Actor, order: OrderSubject & { pendingExtension: boolean }) {
  const can = orderWorkflow.abilities(actor, order);
  return {
    answer: can.answer,
    requestExtension: can.requestExtension && !order.pendingExtension,
    decideExtension: can.approveExtension && order.pendingExtension,
    verify: can.verify,
    sendBack: can.sendBack,
    close: can.close,
  };
}

/**
 * An extension request (延期申请): pending until an inspector approves it (the order's deadline
 * moves) or refuses it. Its history and audit rows are the order's (`approveExtension`,
 * `refuseExtension`), so the request's own row moves with `decideExtension` in the repository,
 * from the states declared here.
 */
export const extensionWorkflow = defineWorkflow({
  table: 'rectificationExtension',
  auditPrefix: 'supervision.order',
  objectType: 'rectification_order',
  stampColumn: null,
  conflict: 'SUPERVISION_EXTENSION_NOT_PENDING',
  steps: {
    approve: { from: ['pending'], to: 'approved', may: inspect },
    refuse: { from: ['pending'], to: 'refused', may: inspect },
  },
});
