import type { Actor } from '../../platform/auth/actor.ts';
import { findStoredFiles } from '../../platform/files/files.repository.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError, fieldError } from '../../platform/errors/app-error.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { insertExtension } from './orders.repository.ts';
import { getOrder } from './orders-read.service.ts';
import { orderWorkflow } from './orders.workflow.ts';
import { loadOrder } from './supervision.access.ts';
import { mayRespond } from './supervision.policy.ts';
import type { AnswerInput, ExtensionInput } from './supervision.schema.ts';

/** The responsible unit's side of an order: its answer, and asking for a later deadline. */

/** Evidence must be files the acting unit uploaded. */
async function checkOwnFiles(db: Executor, actor: Actor, fileIds: readonly string[]) {
  const files = await findStoredFiles(db, fileIds);
  const bad = fileIds.findIndex((id) => files.get(id)?.orgUnitId !== actor.orgUnitId);
  if (bad >= 0)
    throw fieldError(
      `fileIds.${bad}`,
      'FILE_UNKNOWN',
      '附件不存在或不属于本单位',
      'Unknown file, or not uploaded by your unit',
    );
}

/** Answers an issued or returned order with the measures taken (整改措施) and evidence files. */
export async function answerOrder(deps: ModuleDeps, actor: Actor, id: string, input: AnswerInput) {
  const order = await loadOrder(deps.db, actor, id);
  orderWorkflow.assert('answer', actor, order);
  if (!input.measures.trim())
    throw fieldError('measures', 'REQUIRED', '请填写整改措施', 'The measures are required');
  await checkOwnFiles(deps.db, actor, input.fileIds);
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
