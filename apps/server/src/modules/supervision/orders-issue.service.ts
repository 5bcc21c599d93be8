import type { Actor } from '../../platform/auth/actor.ts';
import { fieldError } from '../../platform/errors/app-error.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { findingWorkflow, takeFindingStep } from './findings.workflow.ts';
import { orderNotice } from './orders.notices.ts';
import { insertOrder } from './orders.repository.ts';
import { getOrder } from './orders-read.service.ts';
import { orderWorkflow } from './orders.workflow.ts';
import { loadFinding, todayOf } from './supervision.access.ts';
import type { IssueOrderInput } from './supervision.schema.ts';

/**
 * Issues the rectification order (整改通知) of an open finding, with requirements and a deadline
 * after today: the finding becomes rectifying. One order per finding.
 */
export async function issueOrder(deps: ModuleDeps, actor: Actor, findingId: string, input: IssueOrderInput) {
  const finding = await loadFinding(deps.db, actor, findingId);
  findingWorkflow.assert('issueOrder', actor, finding);
  if (finding.orderId) throw findingWorkflow.conflict('issueOrder');
  const today = todayOf(deps);
  if (input.dueDate <= today)
    throw fieldError('dueDate', 'DATE_PAST', '整改期限须晚于今天', 'The deadline must be after today');
  if (!input.requirements.trim())
    throw fieldError('requirements', 'REQUIRED', '请填写整改要求', 'The requirements are required');
  const id = await deps.transaction(async (trx) => {
    await takeFindingStep(trx, 'issueOrder', findingId);
    const order = {
      findingId,
      inspectionId: finding.inspectionId,
      districtId: finding.districtId,
      orgUnitId: finding.orgUnitId,
      title: input.title?.trim() || `关于${finding.title}的整改通知`,
      requirements: input.requirements.trim(),
      issuedOn: today,
      dueDate: input.dueDate,
      createdBy: actor.userId,
      at: deps.clock.now(),
    };
    const id = await insertOrder(trx, order);
    await orderWorkflow.record(deps, trx, 'issue', actor, id, {
      details: { findingId, dueDate: input.dueDate },
    });
    await deps.notifications.publish(trx, orderNotice({ ...order, id }, 'issued'));
    return id;
  });
  return getOrder(deps, actor, id);
}
