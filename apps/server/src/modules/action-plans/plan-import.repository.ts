import type { Executor } from '../../platform/db/database.ts';
import { generatePeriods } from './periods.ts';
import type { PlanDefinition, PlanFileIssue, TaskDefinition } from './plan-file/plan-file.types.ts';

/** Every stored version of a plan code, newest first. */
export function listVersionsOfCode(db: Executor, code: string) {
  return db
    .selectFrom('plan')
    .select(['id', 'version', 'contentHash', 'status', 'isCurrent'])
    .where('code', '=', code)
    .orderBy('version', 'desc')
    .execute();
}

/** Makes no version of the plan code current (before a new current version is inserted). */
export async function clearCurrentVersion(trx: Executor, code: string): Promise<void> {
  await trx.updateTable('plan').set({ isCurrent: false }).where('code', '=', code).execute();
}

/** The code and stored definition (parsed) of one plan version, or undefined. */
export async function findPlanDefinition(db: Executor, planId: string) {
  const row = await db
    .selectFrom('plan')
    .select(['code', 'definition'])
    .where('id', '=', planId)
    .executeTakeFirst();
  if (!row) return undefined;
  const definition = (
    typeof row.definition === 'string' ? JSON.parse(row.definition) : row.definition
  ) as PlanDefinition;
  return { code: row.code, definition };
}

/** The highest version number stored for a plan code (0 when none). */
export async function findHighestVersion(db: Executor, code: string): Promise<number> {
  const row = await db
    .selectFrom('plan')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
  return Number(row.v ?? 0);
}

export interface NewPlanVersion {
  districtId: string;
  contentHash: string;
  warnings: PlanFileIssue[];
  importedBy: string | null;
  importedAt: Date;
  /** Org unit id by code, for the units the definition names (all resolved beforehand). */
  idByCode: ReadonlyMap<string, string>;
  isCurrent: boolean;
}

/** Inserts a plan version with its sections, tasks, responsible units, indicators and milestones. */
export async function insertPlanVersion(
  trx: Executor,
  plan: PlanDefinition,
  extra: NewPlanVersion,
): Promise<string> {
  const { id: planId } = await trx
    .insertInto('plan')
    .values({
      code: plan.code,
      version: plan.version,
      title: plan.title,
      titleEn: plan.titleEn,
      districtId: extra.districtId,
      status: plan.status,
      stage: plan.stage,
      startDate: plan.startDate,
      endDate: plan.endDate,
      reportingPeriod: plan.reportingPeriod,
      preamble: plan.preamble,
      definition: JSON.stringify(plan),
      contentHash: extra.contentHash,
      warnings: JSON.stringify(extra.warnings),
      isCurrent: extra.isCurrent,
      importedBy: extra.importedBy,
      importedAt: extra.importedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const section of plan.sections) {
    const { id: sectionId } = await trx
      .insertInto('planSection')
      .values({
        planId,
        number: section.number,
        label: section.label,
        title: section.title,
        titleEn: section.titleEn,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const task of section.tasks) await insertTask(trx, planId, sectionId, task, extra.idByCode);
  }
  return planId;
}

async function insertTask(
  trx: Executor,
  planId: string,
  sectionId: string,
  task: TaskDefinition,
  idByCode: ReadonlyMap<string, string>,
): Promise<void> {
  const unitId = (code: string) => idByCode.get(code)!;
  const { id: taskId } = await trx
    .insertInto('planTask')
    .values({
      planId,
      sectionId,
      code: task.code,
      number: task.number,
      label: task.label,
      title: task.title,
      titleEn: task.titleEn,
      text: task.text,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('taskUnit')
    .values(
      task.units.map((u, position) => ({
        taskId,
        orgUnitId: unitId(u.code),
        role: u.role,
        position,
        writtenAs: u.via ?? u.name,
      })),
    )
    .execute();
  if (task.indicators.length > 0) {
    await trx
      .insertInto('indicator')
      .values(
        task.indicators.map((ind, position) => ({
          planId,
          taskId,
          code: ind.code,
          name: ind.name,
          nameEn: ind.nameEn,
          unit: ind.unit,
          comparator: ind.comparator,
          target: ind.target,
          targetLow: ind.targetLow,
          targetHigh: ind.targetHigh,
          deadline: ind.deadline,
          recurrence: ind.recurrence,
          verdictRule: ind.verdictRule ?? 'every-period',
          baseline: ind.baseline,
          kind: ind.kind,
          metric: ind.metric,
          isPublic: ind.public,
          description: ind.description ?? '',
          position,
        })),
      )
      .execute();
  }
  if (task.milestones.length > 0) {
    await trx
      .insertInto('milestone')
      .values(
        task.milestones.map((m, position) => ({
          planId,
          taskId,
          code: m.code,
          title: m.title,
          titleEn: m.titleEn,
          due: m.due,
          orgUnitId: m.unit ? unitId(m.unit.code) : null,
          description: m.description ?? '',
          completedOn: null,
          completedBy: m.completedBy ?? null,
          ownerNote: m.ownerNote ?? '',
          position,
        })),
      )
      .execute();
  }
}

/**
 * Gives a new plan version its reporting periods, from the plan's start to its end: an ended plan
 * is judged at its deadlines and closed with a final evaluation, not reported on for ever after.
 */
export async function insertPeriods(
  db: Executor,
  planId: string,
  plan: { startDate: string; endDate: string; reportingPeriod: 'monthly' | 'quarterly' | 'yearly' },
): Promise<void> {
  const specs = generatePeriods(plan.startDate, plan.endDate, plan.reportingPeriod);
  if (specs.length === 0) return;
  await db
    .insertInto('reportingPeriod')
    .values(specs.map((s) => ({ planId, ...s })))
    .onConflict((oc) => oc.columns(['planId', 'startsOn']).doNothing())
    .execute();
}
