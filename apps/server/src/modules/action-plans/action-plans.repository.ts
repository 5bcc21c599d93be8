import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { endOfChinaDay } from '../../platform/clock/clock.ts';
import { unitRefsByIds } from '../org/index.ts';

const PLAN_COLUMNS = [
  'id',
  'code',
  'version',
  'title',
  'titleEn',
  'status',
  'stage',
  'startDate',
  'endDate',
  'reportingPeriod',
  'districtId',
] as const;

/** Plan rows with their district's code and name (read from the org module). */
async function withDistricts<T extends { districtId: string }>(db: Executor, rows: T[]) {
  const units = await unitRefsByIds(
    db,
    rows.map((r) => r.districtId),
  );
  return rows.map((r) => ({
    ...r,
    districtCode: units.get(r.districtId)?.code ?? '',
    districtName: units.get(r.districtId)?.name ?? '',
  }));
}

/** Current versions of plans, optionally only published ones. */
export async function listCurrentPlans(db: Executor, opts: { publishedOnly: boolean }) {
  let q = db.selectFrom('plan').select(PLAN_COLUMNS).where('isCurrent', '=', true);
  if (opts.publishedOnly) q = q.where('status', '=', 'published');
  return withDistricts(db, await q.orderBy('code').execute());
}

export async function findCurrentPlanByCode(db: Executor, code: string) {
  const row = await db
    .selectFrom('plan')
    .select(PLAN_COLUMNS)
    .where('code', '=', code)
    .where('isCurrent', '=', true)
    .executeTakeFirst();
  return row && (await withDistricts(db, [row]))[0];
}

export async function findPlanById(db: Executor, id: string) {
  const row = await db.selectFrom('plan').select(PLAN_COLUMNS).where('id', '=', id).executeTakeFirst();
  return row && (await withDistricts(db, [row]))[0];
}

/** Ids of the current plans of a district. */
export async function listCurrentPlanIdsOfDistrict(db: Executor, districtId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('plan')
    .select('id')
    .where('districtId', '=', districtId)
    .where('isCurrent', '=', true)
    .execute();
  return rows.map((p) => p.id);
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

/** Tasks of a plan; with `orgUnitIds`, only tasks those units are involved in. */
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

/** Responsible units of the given tasks (`id`, `code`, `name` of the unit), lead first. */
export async function listTaskUnits(db: Executor, taskIds: readonly string[]) {
  if (taskIds.length === 0) return [];
  const rows = await db
    .selectFrom('taskUnit')
    .select(['taskId', 'role', 'position', 'orgUnitId'])
    .where('taskId', 'in', taskIds)
    .orderBy('taskId')
    .orderBy('position')
    .execute();
  const units = await unitRefsByIds(
    db,
    rows.map((r) => r.orgUnitId),
  );
  return rows.map(({ orgUnitId, ...r }) => ({
    ...r,
    id: orgUnitId,
    code: units.get(orgUnitId)?.code ?? '',
    name: units.get(orgUnitId)?.name ?? '',
  }));
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
  const rows = await sql<{
    indicatorId: string;
    value: number;
    numerator: number | null;
    denominator: number | null;
    periodLabel: string;
    endsOn: string;
  }>`
    SELECT DISTINCT ON (v.indicator_id) v.indicator_id AS "indicatorId", v.value, v.numerator, v.denominator,
      p.label AS "periodLabel", p.ends_on AS "endsOn"
    FROM indicator i
    JOIN indicator_value v ON v.indicator_id = i.id
    JOIN reporting_period p ON p.id = v.period_id
    WHERE i.plan_id = ${planId} AND p.ends_on <= ${upTo}
    ORDER BY v.indicator_id, p.ends_on DESC`.execute(db);
  return new Map(rows.rows.map((r) => [r.indicatorId, r]));
}

/** Every approved value of the given indicators up to a date, oldest first (recurring targets are judged per period). */
export function indicatorValuesUpTo(db: Executor, indicatorIds: readonly string[], upTo: string) {
  if (indicatorIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('indicatorValue')
    .innerJoin('reportingPeriod', 'reportingPeriod.id', 'indicatorValue.periodId')
    .select([
      'indicatorValue.indicatorId',
      'indicatorValue.value',
      'indicatorValue.numerator',
      'indicatorValue.denominator',
      'reportingPeriod.endsOn',
    ])
    .where('indicatorValue.indicatorId', 'in', indicatorIds)
    .where('reportingPeriod.endsOn', '<=', upTo)
    .orderBy('reportingPeriod.endsOn')
    .execute();
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
      'indicatorValue.numerator',
      'indicatorValue.denominator',
      'indicatorValue.reportId',
    ])
    .where('indicatorValue.indicatorId', '=', indicatorId)
    .orderBy('reportingPeriod.endsOn')
    .execute();
}

/** Milestones by due date, with the code and name of the unit a milestone names (else null). */
export async function listMilestones(db: Executor, where: { planId?: string; taskId?: string }) {
  let q = db
    .selectFrom('milestone')
    .select([
      'id',
      'taskId',
      'code',
      'title',
      'titleEn',
      'due',
      'completedOn',
      'completedBy',
      'ownerNote',
      'orgUnitId',
    ]);
  if (where.planId) q = q.where('planId', '=', where.planId);
  if (where.taskId) q = q.where('taskId', '=', where.taskId);
  const rows = await q.orderBy('due').orderBy('position').execute();
  const units = await unitRefsByIds(
    db,
    rows.map((m) => m.orgUnitId),
  );
  return rows.map((m) => {
    const unit = m.orgUnitId ? units.get(m.orgUnitId) : undefined;
    return { ...m, unitCode: unit?.code ?? null, unitName: unit?.name ?? null };
  });
}

/**
 * For each task, its latest approved report up to a date: the progress the dashboard shows.
 * Among reports of the same period, the lead unit's wins.
 */
export async function latestApprovedProgress(db: Executor, planId: string, upTo: string, asOf?: string) {
  // As of a day: only reports approved by its end (a meeting's status as it was then).
  const approvedBy = asOf ? sql`AND r.reviewed_at < ${endOfChinaDay(asOf)}` : sql``;
  const rows = await sql<{ taskId: string; progress: string; periodLabel: string }>`
    SELECT DISTINCT ON (r.task_id) r.task_id AS "taskId", r.progress, p.label AS "periodLabel"
    FROM progress_report r
    JOIN reporting_period p ON p.id = r.period_id
    JOIN task_unit tu ON tu.task_id = r.task_id AND tu.org_unit_id = r.org_unit_id
    WHERE r.plan_id = ${planId} AND r.state = 'approved' AND p.ends_on <= ${upTo} ${approvedBy}
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

/** Reports of a plan that the given units have handed in (submitted or approved). */
export function listHandedInReports(db: Executor, planId: string, unitIds: readonly string[], asOf?: string) {
  if (unitIds.length === 0) return Promise.resolve([]);
  let query = db
    .selectFrom('progressReport')
    .select(['taskId', 'periodId', 'orgUnitId'])
    .where('planId', '=', planId)
    .where('orgUnitId', 'in', unitIds)
    .where('state', 'in', ['submitted', 'approved']);
  // As of a day: only reports handed in by its end.
  if (asOf) query = query.where('submittedAt', '<', endOfChinaDay(asOf));
  return query.execute();
}

export function countPendingReviews(db: Executor, planId: string) {
  return db
    .selectFrom('progressReport')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('planId', '=', planId)
    .where('state', '=', 'submitted')
    .executeTakeFirstOrThrow();
}
