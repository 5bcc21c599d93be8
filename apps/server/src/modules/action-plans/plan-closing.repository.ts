import type { Insertable } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { PlanEvaluationIndicatorTable, PlanEvaluationTaskTable } from './plan-closing.tables.ts';

/* SQL of a plan's final evaluation (终期评估) and closing (收官). */

const EVALUATION_COLUMNS = [
  'id',
  'planCode',
  'planId',
  'state',
  'narrative',
  'createdBy',
  'createdAt',
  'updatedAt',
  'closedBy',
  'closedAt',
  'closedOn',
] as const;

/** The final evaluation of a plan (by code: one per plan, whatever its versions), if any. */
export function findEvaluationByPlanCode(db: Executor, planCode: string) {
  return db
    .selectFrom('planEvaluation')
    .select(EVALUATION_COLUMNS)
    .where('planCode', '=', planCode)
    .executeTakeFirst();
}

/** Locks the evaluation row for a step (`FOR UPDATE`), so two closings cannot both pass. */
export function lockEvaluation(trx: Executor, id: string) {
  return trx
    .selectFrom('planEvaluation')
    .select(EVALUATION_COLUMNS)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

/** Creates a draft evaluation; returns its id, or null when one exists for the plan already. */
export async function insertDraftEvaluation(
  trx: Executor,
  row: { planCode: string; planId: string; narrative: string; createdBy: string; at: Date },
): Promise<string | null> {
  const inserted = await trx
    .insertInto('planEvaluation')
    .values({
      planCode: row.planCode,
      planId: row.planId,
      state: 'draft',
      narrative: row.narrative,
      createdBy: row.createdBy,
      createdAt: row.at,
      updatedAt: row.at,
    })
    .onConflict((oc) => oc.column('planCode').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted?.id ?? null;
}

/** Replaces a draft's task outcomes. */
export async function replaceEvaluationTasks(
  trx: Executor,
  evaluationId: string,
  rows: Array<Omit<Insertable<PlanEvaluationTaskTable>, 'evaluationId'>>,
) {
  await trx.deleteFrom('planEvaluationTask').where('evaluationId', '=', evaluationId).execute();
  if (rows.length > 0)
    await trx
      .insertInto('planEvaluationTask')
      .values(rows.map((r) => ({ ...r, evaluationId })))
      .execute();
}

/** Freezes the indicators' verdicts at their deadlines (when the plan closes). */
export async function replaceEvaluationIndicators(
  trx: Executor,
  evaluationId: string,
  rows: Array<Omit<Insertable<PlanEvaluationIndicatorTable>, 'evaluationId'>>,
) {
  await trx.deleteFrom('planEvaluationIndicator').where('evaluationId', '=', evaluationId).execute();
  if (rows.length > 0)
    await trx
      .insertInto('planEvaluationIndicator')
      .values(rows.map((r) => ({ ...r, evaluationId })))
      .execute();
}

export function listEvaluationTasks(db: Executor, evaluationId: string) {
  return db
    .selectFrom('planEvaluationTask')
    .select(['taskId', 'outcome', 'remark'])
    .where('evaluationId', '=', evaluationId)
    .execute();
}

export function listEvaluationIndicators(db: Executor, evaluationId: string) {
  return db
    .selectFrom('planEvaluationIndicator')
    .select(['indicatorId', 'deadline', 'value', 'valuePeriod', 'status', 'verdict'])
    .where('evaluationId', '=', evaluationId)
    .execute();
}

/** The lead unit of every task of a plan, with the task's number (to find the coordinating unit). */
export function listTaskLeads(db: Executor, planId: string) {
  return db
    .selectFrom('taskUnit')
    .innerJoin('planTask', 'planTask.id', 'taskUnit.taskId')
    .select(['taskUnit.orgUnitId as unitId', 'planTask.number as taskNumber'])
    .where('planTask.planId', '=', planId)
    .where('taskUnit.role', '=', 'lead')
    .execute();
}
