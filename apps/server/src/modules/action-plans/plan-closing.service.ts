import type { Actor } from '../../platform/auth/actor.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { mayClosePlan, maySeeEvaluation } from './action-plans.policy.ts';
import * as repo from './action-plans.repository.ts';
import * as closing from './plan-closing.repository.ts';
import { assertClosable, foreignTasks, missingOutcomes, planPhase } from './plan-closing.rules.ts';
import type { EvaluationInput, EvaluationView } from './plan-closing.schema.ts';
import { evaluationView, loadEvaluationParts } from './plan-closing.view.ts';
import { evaluationWorkflow } from './plan-closing.workflow.ts';
import { verdictsAtDeadlines } from './plan-lifecycle.ts';
import { findVisiblePlan, todayOf } from './plan-reads.ts';

/*
 * Closing a plan (收官): the coordinator drafts the final evaluation (终期评估) once the plan has
 * ended — each task's outcome with a remark, a narrative — then closes the plan with it, which
 * freezes each indicator's verdict at its deadline. A closed plan raises no alerts and takes no
 * more progress reports.
 */

/**
 * The plan's final evaluation as the evaluation page reads it: the saved draft or the closed
 * evaluation, else a proposal (outcomes from the latest approved progress). A draft, or no
 * evaluation yet, is seen only by those who may close the plan (404 to others).
 */
export async function getEvaluation(deps: ModuleDeps, actor: Actor, code: string): Promise<EvaluationView> {
  const plan = await findVisiblePlan(deps, actor, code);
  const evaluation = await closing.findEvaluationByPlanCode(deps.db, plan.code);
  if (!maySeeEvaluation(actor, plan, evaluation?.state ?? 'draft')) throw notFound();
  const today = todayOf(deps);
  const parts = await loadEvaluationParts(deps, plan, evaluation ?? null, today);
  const subject = { state: evaluation?.state ?? ('draft' as const), districtId: plan.districtId };
  const open = planPhase(plan.endDate, today, evaluation?.state ?? null) === 'ended';
  return evaluationView(plan, evaluation ?? null, parts, {
    phase: planPhase(plan.endDate, today, evaluation?.state ?? null),
    save: open && evaluationWorkflow.can('save', actor, subject),
    close: open && evaluationWorkflow.can('close', actor, subject),
  });
}

/**
 * Saves the draft of the final evaluation (creating it on the first save): the narrative and
 * the outcomes given (a task left out has none yet). 403 to anyone but the plan's coordinator;
 * 409 before the plan's end date or once it is closed; 400 naming a task not in the plan.
 */
export async function saveEvaluation(deps: ModuleDeps, actor: Actor, code: string, input: EvaluationInput) {
  const plan = await findVisiblePlan(deps, actor, code);
  if (!mayClosePlan(actor, plan)) throw new AppError('FORBIDDEN', 403);
  const existing = await closing.findEvaluationByPlanCode(deps.db, plan.code);
  assertClosable(plan, todayOf(deps), existing?.state ?? null);
  const tasks = await repo.listTasks(deps.db, plan.id, null);
  const foreign = foreignTasks(new Set(tasks.map((t) => t.id)), input.tasks);
  if (foreign.length > 0) throw new AppError('VALIDATION_FAILED', 400, foreign);
  await deps.transaction(async (trx) => {
    const now = deps.clock.now();
    const created = await closing.insertDraftEvaluation(trx, {
      planCode: plan.code,
      planId: plan.id,
      narrative: input.narrative.trim(),
      createdBy: actor.userId,
      at: now,
    });
    if (created) await evaluationWorkflow.record(deps, trx, 'create', actor, created);
    // Two first saves at once: the loser's insert does nothing, and it saves into the winner's row.
    const id = created ?? (await closing.findEvaluationByPlanCode(trx, plan.code))!.id;
    const row = await closing.lockEvaluation(trx, id);
    await evaluationWorkflow.apply(
      deps,
      trx,
      'save',
      actor,
      { ...row, districtId: plan.districtId },
      {
        set: { narrative: input.narrative.trim(), planId: plan.id },
        details: { planCode: plan.code, tasks: input.tasks.length },
      },
    );
    await closing.replaceEvaluationTasks(
      trx,
      row.id,
      input.tasks.map((t) => ({ taskId: t.taskId, outcome: t.outcome, remark: t.remark.trim() })),
    );
  });
  return getEvaluation(deps, actor, code);
}

/**
 * Closes the plan (收官) with its saved final evaluation: every task must have an outcome (409
 * PLAN_EVALUATION_INCOMPLETE naming the tasks); each indicator's verdict at its deadline is frozen;
 * the evaluation moves draft → closed with its history and audit rows. 403 / 409 as when saving.
 */
export async function closePlan(deps: ModuleDeps, actor: Actor, code: string) {
  const plan = await findVisiblePlan(deps, actor, code);
  if (!mayClosePlan(actor, plan)) throw new AppError('FORBIDDEN', 403);
  const today = todayOf(deps);
  const evaluation = await closing.findEvaluationByPlanCode(deps.db, plan.code);
  assertClosable(plan, today, evaluation?.state ?? null);
  if (!evaluation) throw new AppError('PLAN_EVALUATION_INCOMPLETE', 409);
  // A report waiting for review would be frozen unreviewed: review it first.
  const pending = Number((await repo.countPendingReviews(deps.db, plan.id)).n);
  if (pending > 0)
    throw new AppError('PLAN_REPORTS_PENDING', 409, [
      {
        field: 'reports',
        code: 'PLAN_REPORTS_PENDING',
        message: `尚有 ${pending} 份进展报告待审核`,
        messageEn: `${pending} progress report(s) are waiting for review`,
      },
    ]);
  const tasks = await repo.listTasks(deps.db, plan.id, null);
  const [indicators, periods] = await Promise.all([
    repo.listIndicators(deps.db, { planId: plan.id }),
    repo.listPeriods(deps.db, plan.id),
  ]);
  const verdicts = await verdictsAtDeadlines(deps.db, deps.metrics, plan, indicators, periods);
  await deps.transaction(async (trx) => {
    const row = await closing.lockEvaluation(trx, evaluation.id);
    // Checked under the row lock, so a save running at the same moment cannot leave a task out.
    const outcomes = await closing.listEvaluationTasks(trx, evaluation.id);
    const missing = missingOutcomes(tasks, outcomes);
    if (missing.length > 0) throw new AppError('PLAN_EVALUATION_INCOMPLETE', 409, missing);
    await evaluationWorkflow.apply(
      deps,
      trx,
      'close',
      actor,
      { ...row, districtId: plan.districtId },
      {
        set: { closedBy: actor.userId, closedAt: deps.clock.now(), closedOn: today, planId: plan.id },
        details: {
          planCode: plan.code,
          indicatorsMet: verdicts.filter((v) => v.verdict === 'met').length,
          indicatorsNotMet: verdicts.filter((v) => v.verdict === 'not_met').length,
          tasksCompleted: outcomes.filter((o) => o.outcome === 'completed').length,
        },
      },
    );
    await closing.replaceEvaluationIndicators(trx, row.id, verdicts);
  });
  return getEvaluation(deps, actor, code);
}
