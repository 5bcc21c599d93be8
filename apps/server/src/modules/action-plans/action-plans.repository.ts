import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';

const planColumns = [
  'plan.id',
  'plan.code',
  'plan.version',
  'plan.title',
  'plan.titleEn',
  'plan.status',
  'plan.stage',
  'plan.startDate',
  'plan.endDate',
  'plan.reportingPeriod',
  'plan.districtId',
  'orgUnit.code as districtCode',
  'orgUnit.name as districtName',
] as const;

/** Current versions of plans, optionally only published ones. */
export function listCurrentPlans(db: Executor, opts: { publishedOnly: boolean }) {
  let q = db
    .selectFrom('plan')
    .innerJoin('orgUnit', 'orgUnit.id', 'plan.districtId')
    .select(planColumns)
    .where('plan.isCurrent', '=', true);
  if (opts.publishedOnly) q = q.where('plan.status', '=', 'published');
  return q.orderBy('plan.code').execute();
}

export function findCurrentPlanByCode(db: Executor, code: string) {
  return db
    .selectFrom('plan')
    .innerJoin('orgUnit', 'orgUnit.id', 'plan.districtId')
    .select(planColumns)
    .where('plan.code', '=', code)
    .where('plan.isCurrent', '=', true)
    .executeTakeFirst();
}

export function findPlanById(db: Executor, id: string) {
  return db
    .selectFrom('plan')
    .innerJoin('orgUnit', 'orgUnit.id', 'plan.districtId')
    .select(planColumns)
    .where('plan.id', '=', id)
    .executeTakeFirst();
}

export function listPeriods(db: Executor, planId: string) {
  return db
    .selectFrom('reportingPeriod')
    .select(['id', 'label', 'startsOn', 'endsOn', 'dueOn'])
    .where('planId', '=', planId)
    .orderBy('startsOn')
    .execute();
}

export function listSections(db: Executor, planId: string) {
  return db
    .selectFrom('planSection')
    .select(['id', 'number', 'label', 'title', 'titleEn'])
    .where('planId', '=', planId)
    .orderBy('number')
    .execute();
}

/** Tasks of a plan; with `orgUnitIds`, only tasks those units are responsible for. */
export function listTasks(db: Executor, planId: string, orgUnitIds: readonly string[] | null) {
  let q = db
    .selectFrom('planTask')
    .select(['id', 'sectionId', 'code', 'number', 'label', 'title', 'titleEn', 'text'])
    .where('planId', '=', planId);
  if (orgUnitIds) {
    if (orgUnitIds.length === 0) return Promise.resolve([]);
    // A unit is involved in a task as a responsible unit, or as the unit a milestone names.
    q = q.where((eb) =>
      eb.or([
        eb(
          'id',
          'in',
          eb.selectFrom('taskUnit').select('taskId').where('taskUnit.orgUnitId', 'in', orgUnitIds),
        ),
        eb(
          'id',
          'in',
          eb.selectFrom('milestone').select('taskId').where('milestone.orgUnitId', 'in', orgUnitIds),
        ),
      ]),
    );
  }
  return q.orderBy('number').execute();
}

export function findTaskById(db: Executor, id: string) {
  return db
    .selectFrom('planTask')
    .innerJoin('planSection', 'planSection.id', 'planTask.sectionId')
    .innerJoin('plan', 'plan.id', 'planTask.planId')
    .select([
      'planTask.id',
      'planTask.planId',
      'planTask.sectionId',
      'planTask.code',
      'planTask.number',
      'planTask.label',
      'planTask.title',
      'planTask.titleEn',
      'planTask.text',
      'planSection.title as sectionTitle',
      'plan.code as planCode',
      'plan.startDate as planStart',
    ])
    .where('planTask.id', '=', id)
    .executeTakeFirst();
}

/**
 * Units involved in a task: its responsible units and the units its milestones name (a school
 * named for a milestone sees the task and reports on it). Returned as `{ id }` rows.
 */
export async function listInvolvedUnitIds(db: Executor, taskId: string): Promise<Array<{ id: string }>> {
  const [units, milestones] = await Promise.all([
    db.selectFrom('taskUnit').select('orgUnitId as id').where('taskId', '=', taskId).execute(),
    db
      .selectFrom('milestone')
      .select('orgUnitId as id')
      .where('taskId', '=', taskId)
      .where('orgUnitId', 'is not', null)
      .execute(),
  ]);
  return [...units, ...milestones.map((m) => ({ id: m.id! }))];
}

/** Responsible units of the given tasks, lead first. */
export function listTaskUnits(db: Executor, taskIds: readonly string[]) {
  if (taskIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('taskUnit')
    .innerJoin('orgUnit', 'orgUnit.id', 'taskUnit.orgUnitId')
    .select([
      'taskUnit.taskId',
      'taskUnit.role',
      'taskUnit.position',
      'orgUnit.id',
      'orgUnit.code',
      'orgUnit.name',
    ])
    .where('taskUnit.taskId', 'in', taskIds)
    .orderBy('taskUnit.taskId')
    .orderBy('taskUnit.position')
    .execute();
}

export function listIndicators(db: Executor, where: { planId?: string; taskId?: string; id?: string }) {
  let q = db
    .selectFrom('indicator')
    .innerJoin('planTask', 'planTask.id', 'indicator.taskId')
    .selectAll('indicator')
    .select(['planTask.label as taskLabel']);
  if (where.planId) q = q.where('indicator.planId', '=', where.planId);
  if (where.taskId) q = q.where('indicator.taskId', '=', where.taskId);
  if (where.id) q = q.where('indicator.id', '=', where.id);
  return q.orderBy('planTask.number').orderBy('indicator.position').execute();
}

/** The latest approved value of each indicator of a plan up to a date (a period's end). */
export async function latestIndicatorValues(db: Executor, planId: string, upTo: string) {
  // From the plan's indicators through the (indicator_id, period_id) index: a few rows per
  // indicator instead of a scan of every plan's values.
  const rows = await sql<{ indicatorId: string; value: number; periodLabel: string; endsOn: string }>`
    SELECT DISTINCT ON (v.indicator_id) v.indicator_id AS "indicatorId", v.value, p.label AS "periodLabel", p.ends_on AS "endsOn"
    FROM indicator i
    JOIN indicator_value v ON v.indicator_id = i.id
    JOIN reporting_period p ON p.id = v.period_id
    WHERE i.plan_id = ${planId} AND p.ends_on <= ${upTo}
    ORDER BY v.indicator_id, p.ends_on DESC`.execute(db);
  return new Map(rows.rows.map((r) => [r.indicatorId, r]));
}

export function indicatorHistory(db: Executor, indicatorId: string) {
  return db
    .selectFrom('indicatorValue')
    .innerJoin('reportingPeriod', 'reportingPeriod.id', 'indicatorValue.periodId')
    .select([
      'indicatorValue.periodId',
      'reportingPeriod.label as periodLabel',
      'reportingPeriod.endsOn',
      'indicatorValue.value',
      'indicatorValue.reportId',
    ])
    .where('indicatorValue.indicatorId', '=', indicatorId)
    .orderBy('reportingPeriod.endsOn')
    .execute();
}

export function listMilestones(db: Executor, where: { planId?: string; taskId?: string }) {
  let q = db
    .selectFrom('milestone')
    .leftJoin('orgUnit', 'orgUnit.id', 'milestone.orgUnitId')
    .select([
      'milestone.id',
      'milestone.taskId',
      'milestone.code',
      'milestone.title',
      'milestone.titleEn',
      'milestone.due',
      'milestone.completedOn',
      'milestone.orgUnitId',
      'orgUnit.code as unitCode',
      'orgUnit.name as unitName',
    ]);
  if (where.planId) q = q.where('milestone.planId', '=', where.planId);
  if (where.taskId) q = q.where('milestone.taskId', '=', where.taskId);
  return q.orderBy('milestone.due').orderBy('milestone.position').execute();
}

/**
 * For each task, its latest approved report up to a date: the progress the dashboard shows.
 * Among reports of the same period, the lead unit's wins.
 */
export async function latestApprovedProgress(db: Executor, planId: string, upTo: string) {
  const rows = await sql<{ taskId: string; progress: string; periodLabel: string }>`
    SELECT DISTINCT ON (r.task_id) r.task_id AS "taskId", r.progress, p.label AS "periodLabel"
    FROM progress_report r
    JOIN reporting_period p ON p.id = r.period_id
    JOIN task_unit tu ON tu.task_id = r.task_id AND tu.org_unit_id = r.org_unit_id
    WHERE r.plan_id = ${planId} AND r.state = 'approved' AND p.ends_on <= ${upTo}
    ORDER BY r.task_id, p.ends_on DESC, tu.position`.execute(db);
  return new Map(rows.rows.map((r) => [r.taskId, r]));
}

/** (task, period) pairs for which the lead unit has handed in a report (submitted or approved). */
export async function leadReportKeys(db: Executor, planId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('progressReport as r')
    .innerJoin('taskUnit as tu', (j) =>
      j.onRef('tu.taskId', '=', 'r.taskId').onRef('tu.orgUnitId', '=', 'r.orgUnitId'),
    )
    .select(['r.taskId', 'r.periodId'])
    .where('r.planId', '=', planId)
    .where('tu.role', '=', 'lead')
    .where('r.state', 'in', ['submitted', 'approved'])
    .execute();
  return new Set(rows.map((r) => `${r.taskId}:${r.periodId}`));
}

export function countPendingReviews(db: Executor, planId: string) {
  return db
    .selectFrom('progressReport')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('planId', '=', planId)
    .where('state', '=', 'submitted')
    .executeTakeFirstOrThrow();
}
