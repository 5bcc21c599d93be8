import type { Actor } from '../../platform/auth/actor.ts';
import type { Authored } from '../../platform/workflow/workflow.ts';
import type { ReportRow } from './progress.repository.ts';
import { reportWorkflow } from './progress.workflow.ts';

/**
 * What the actor may do with a report now, as the UI reads it (`review`: approve or return;
 * `withdraw`: 撤回 while it waits for review).
 */
export function reportAbilities(actor: Actor, report: ReportRow & Authored) {
  const can = reportWorkflow.abilities(actor, report);
  return { edit: can.edit, submit: can.submit, withdraw: can.withdraw, review: can.approve };
}

/** The API shape of a report in lists, with what the actor may do with it. */
export function reportSummary(actor: Actor, r: ReportRow & Authored) {
  return {
    id: r.id,
    taskId: r.taskId,
    taskLabel: r.taskLabel,
    taskTitle: r.taskTitle,
    planCode: r.planCode,
    period: { id: r.periodId, label: r.periodLabel },
    unit: { id: r.orgUnitId, code: r.unitCode, name: r.unitName },
    state: r.state,
    progress: r.progress,
    submittedAt: r.submittedAt,
    reviewedAt: r.reviewedAt,
    reviewComment: r.reviewComment,
    updatedAt: r.updatedAt,
    abilities: reportAbilities(actor, r),
  };
}
