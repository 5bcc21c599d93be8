import type { Actor } from '../../platform/auth/actor.ts';
import { AppError, forbidden } from '../../platform/errors/app-error.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { checkInspectionPlan } from './inspection-plan.ts';
import { insertInspection, replaceMembers } from './inspections.repository.ts';
import { getInspection } from './inspections-read.service.ts';
import { inspectionWorkflow } from './inspections.workflow.ts';
import { loadInspection, todayOf } from './supervision.access.ts';
import { mayManage } from './supervision.policy.ts';
import type { InspectionInput } from './supervision.schema.ts';

/**
 * Inspections (督导): the coordinator plans one (定期 or 专项) with its inspectors, scope and
 * schedule, starts it, and completes it with a conclusion. Findings are recorded while it runs.
 */

/** The columns of the plan as the form gives them. */
function planColumns(input: InspectionInput) {
  return {
    kind: input.kind,
    title: input.title.trim(),
    purpose: input.purpose.trim(),
    documentNumber: input.documentNumber?.trim() || null,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
  };
}

/** Plans an inspection of the coordinator's district. */
export async function createInspection(deps: ModuleDeps, actor: Actor, input: InspectionInput) {
  const districtId = actor.districtId;
  if (!districtId || !mayManage(actor, districtId)) throw forbidden();
  const id = await deps.transaction(async (trx) => {
    const members = await checkInspectionPlan(trx, input);
    const id = await insertInspection(trx, {
      ...planColumns(input),
      districtId,
      schedule: input.schedule,
      createdBy: actor.userId,
      at: deps.clock.now(),
    });
    await replaceMembers(trx, id, members.inspectors, members.scope);
    await inspectionWorkflow.record(deps, trx, 'create', actor, id, {
      details: { kind: input.kind, inspectors: input.inspectorIds.length, scope: input.scope.length },
    });
    return id;
  });
  return getInspection(deps, actor, id);
}

/** Changes the plan of an inspection not yet completed. */
export async function updateInspection(deps: ModuleDeps, actor: Actor, id: string, input: InspectionInput) {
  const inspection = await loadInspection(deps.db, actor, id);
  inspectionWorkflow.assert('edit', actor, inspection);
  await deps.transaction(async (trx) => {
    const members = await checkInspectionPlan(trx, input);
    await inspectionWorkflow.apply(deps, trx, 'edit', actor, inspection, {
      set: { ...planColumns(input), schedule: JSON.stringify(input.schedule) },
    });
    await replaceMembers(trx, id, members.inspectors, members.scope);
  });
  return getInspection(deps, actor, id);
}

/** planned → in_progress: findings and interviews may be recorded. */
export async function startInspection(deps: ModuleDeps, actor: Actor, id: string) {
  const inspection = await loadInspection(deps.db, actor, id);
  await deps.transaction((trx) => inspectionWorkflow.apply(deps, trx, 'start', actor, inspection));
  return getInspection(deps, actor, id);
}

/**
 * in_progress → completed, with the conclusion of the report. Completing signs the report (its
 * date is the completion day), so it is refused (409) before the inspection's end date: a report
 * may not be dated before the inspection it reports on has ended.
 */
export async function completeInspection(deps: ModuleDeps, actor: Actor, id: string, conclusion: string) {
  const inspection = await loadInspection(deps.db, actor, id);
  inspectionWorkflow.assert('complete', actor, inspection);
  if (todayOf(deps) < inspection.endsOn) throw inspectionNotEnded(inspection.endsOn);
  await deps.transaction((trx) =>
    inspectionWorkflow.apply(deps, trx, 'complete', actor, inspection, {
      set: { completedAt: deps.clock.now(), conclusion: conclusion.trim() },
    }),
  );
  return getInspection(deps, actor, id);
}

/** The inspection ends on `endsOn`, after today: its report cannot be signed yet (409, naming the date). */
function inspectionNotEnded(endsOn: string): AppError {
  return new AppError('SUPERVISION_INSPECTION_NOT_ENDED', 409, [
    {
      field: 'endsOn',
      code: 'SUPERVISION_INSPECTION_NOT_ENDED',
      message: `督导结束日期为 ${endsOn}，结束前不能完成督导、签发督导报告`,
      messageEn: `The inspection ends on ${endsOn}; its report cannot be signed before then`,
    },
  ]);
}
