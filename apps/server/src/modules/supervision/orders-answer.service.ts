import type { Actor } from '../../platform/auth/actor.ts';
import { checkEvidenceFiles } from '../../platform/files/evidence-check.ts';
import { AppError, fieldError } from '../../platform/errors/app-error.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { insertExtension } from './orders.repository.ts';
import { getOrder } from './orders-read.service.ts';
import { orderWorkflow } from './orders.workflow.ts';
import { loadOrder } from './supervision.access.ts';
import { mayRespond } from './supervision.policy.ts';
import type { AnswerInput, ExtensionInput } from './supervision.schema.ts';

/** The responsible unit's side of an order: its answer, and asking for a later deadline. */

/** Answers an issued or returned order with the measures taken (整改措施) and evidence files. */
export async function answerOrder(deps: ModuleDeps, actor: Actor, id: string, input: AnswerInput) {
  const order = await loadOrder(deps.db, actor, id);
  orderWorkflow.assert('answer', actor, order);
  if (!input.measures.trim())
    throw fieldError('measures', 'REQUIRED', '请填写整改措施', 'The measures are required');
  // The previous answer's files may stay on a re-answer (after 退回), whoever uploaded them.
  await checkEvidenceFiles(deps.db, actor, input.fileIds, { attached: order.evidenceFileIds });
  await deps.transaction((trx) =>
    orderWorkflow.apply(deps, trx, 'answer', actor, order, {
      set: {
        measures: input.measures.trim(),
        evidenceFileIds: [...new Set(input.fileIds)],
        answeredAt: deps.clock.now(),
        answeredBy: actor.userId,
      },
      details: { files: input.fileIds.length },
    }),
  );
  return getOrder(deps, actor, id);
}

/** Asks for a deadline later than the current one (申请延期); one request pending at a time. */
export async function requestExtension(deps: ModuleDeps, actor: Actor, id: string, input: ExtensionInput) {
  const order = await loadOrder(deps.db, actor, id);
  if (order.pendingExtension && mayRespond(actor, order))
    throw new AppError('SUPERVISION_EXTENSION_PENDING', 409);
  orderWorkflow.assert('requestExtension', actor, order);
  if (input.dueDate <= order.dueDate)
    throw fieldError(
      'dueDate',
      'SUPERVISION_EXTENSION_DATE',
      '延期后的期限须晚于当前整改期限',
      'The new deadline must be later than the current one',
    );
  const reason = input.reason.trim();
  await deps.transaction(async (trx) => {
    await insertExtension(trx, {
      orderId: id,
      requestedDueDate: input.dueDate,
      reason,
      requestedBy: actor.userId,
      requestedAt: deps.clock.now(),
    });
    await orderWorkflow.apply(deps, trx, 'requestExtension', actor, order, {
      details: { dueDate: input.dueDate },
      comment: reason,
    });
  });
  return getOrder(deps, actor, id);
}
