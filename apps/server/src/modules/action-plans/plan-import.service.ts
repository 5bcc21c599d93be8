import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AuditActor, AuditLog } from '../../platform/audit/audit-log.ts';
import { canonicalJson } from '../../platform/audit/audit-log.ts';
import { chinaDate, type Clock } from '../../platform/clock/clock.ts';
import type { Database } from '../../platform/db/database.types.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import type { MetricRegistry } from '../../platform/metrics/metric-registry.ts';
import type {
  OrgUnitAlias,
  OrgUnitDefinition,
  PlanDefinition,
  PlanFileIssue,
} from './plan-file/plan-file.types.ts';
import { createUnitResolver } from './plan-file/org-units-file.parse.ts';
import { parsePlanFile } from './plan-file/plan-file.parse.ts';
import { generatePeriods } from './periods.ts';
import { applyClauseEdits, type ClauseEdit } from './plan-clauses.ts';

export interface PlanImportResult {
  planId: string;
  code: string;
  version: number;
  created: boolean;
  warnings: PlanFileIssue[];
}

const toFieldIssues = (issues: PlanFileIssue[]) =>
  issues.map((i) => ({
    line: i.line,
    field: i.path,
    code: i.code,
    message: i.message,
    messageEn: i.messageEn,
  }));

/**
 * Imports a plan definition file (YAML, see docs/plan-file-format.md) as a new plan version, all
 * or nothing. Units are resolved against the registered org units and their aliases; an alias
 * marked as a defect (区财政厅 → 区财政局) is recorded as a warning on the version.
 * The same file twice is a no-op; a changed file must carry a higher version.
 */
export function createPlanImportService(deps: {
  db: Kysely<Database>;
  audit: AuditLog;
  clock: Clock;
  metrics: MetricRegistry;
  /** Called after a new version is committed (drops cached dashboards). */
  onWrite?: () => void;
}) {
  const { db, audit, clock, metrics } = deps;

  async function loadResolver(trx: Executor) {
    const rows = await trx.selectFrom('orgUnit').selectAll().execute();
    const byId = new Map(rows.map((r) => [r.id, r.code]));
    const defs: OrgUnitDefinition[] = rows.map((r) => ({
      code: r.code,
      name: r.name,
      fullName: r.fullName,
      nameEn: r.nameEn,
      type: r.type,
      groups: r.groups as OrgUnitDefinition['groups'],
      aliases: r.aliases as OrgUnitAlias[],
      demo: r.demo,
      parentCode: r.parentId ? (byId.get(r.parentId) ?? null) : null,
    }));
    return { resolver: createUnitResolver(defs), idByCode: new Map(rows.map((r) => [r.code, r.id])) };
  }

  function checkMetrics(plan: PlanDefinition): PlanFileIssue[] {
    const issues: PlanFileIssue[] = [];
    plan.sections.forEach((s, si) =>
      s.tasks.forEach((t, ti) =>
        t.indicators.forEach((ind, ii) => {
          if (ind.kind === 'computed' && ind.metric && !metrics.has(ind.metric)) {
            issues.push({
              line: null,
              path: `sections[${si}].tasks[${ti}].indicators[${ii}].metric`,
              code: 'PLAN_FILE_UNKNOWN_METRIC',
              message: `指标 ${ind.code} 引用的计算口径「${ind.metric}」未注册`,
              messageEn: `Indicator ${ind.code} names metric "${ind.metric}", which no module registers`,
            });
          }
        }),
      ),
    );
    return issues;
  }

  async function importPlan(
    text: string,
    actor: AuditActor,
    importedBy: string | null = null,
  ): Promise<PlanImportResult> {
    const result = await importInTransaction(text, actor, importedBy);
    if (result.created) deps.onWrite?.();
    return result;
  }

  function importInTransaction(
    text: string,
    actor: AuditActor,
    importedBy: string | null,
  ): Promise<PlanImportResult> {
    return db.transaction().execute(async (trx) => {
      const { resolver, idByCode } = await loadResolver(trx);
      const parsed = parsePlanFile(text, resolver);
      if (!parsed.ok) throw new AppError('PLAN_FILE_INVALID', 400, toFieldIssues(parsed.errors));
      const plan = parsed.plan;
      const metricIssues = checkMetrics(plan);
      const districtId = idByCode.get(plan.district);
      if (!districtId) {
        metricIssues.push({
          line: null,
          path: 'district',
          code: 'PLAN_FILE_UNKNOWN_UNIT',
          message: `行政区代码 ${plan.district} 未登记`,
          messageEn: `District code ${plan.district} is not registered`,
        });
      }
      if (metricIssues.length > 0 || !districtId)
        throw new AppError('PLAN_FILE_INVALID', 400, toFieldIssues(metricIssues));

      return storeVersion(trx, plan, parsed.warnings, { districtId, idByCode, actor, importedBy });
    });
  }

  /**
   * Stores a parsed definition as a version of its plan, with the version rules of
   * docs/plan-file-format.md. A new version becomes current, except that a draft never displaces
   * a published current version: dashboards and the portal keep showing the published text until
   * a newer version is published.
   */
  async function storeVersion(
    trx: Executor,
    plan: PlanDefinition,
    warnings: PlanFileIssue[],
    ctx: { districtId: string; idByCode: Map<string, string>; actor: AuditActor; importedBy: string | null },
    action: 'plan.import' | 'plan.revise' = 'plan.import',
  ): Promise<PlanImportResult> {
    const contentHash = createHash('sha256').update(canonicalJson(plan)).digest('hex');
    const versions = await trx
      .selectFrom('plan')
      .select(['id', 'version', 'contentHash', 'status', 'isCurrent'])
      .where('code', '=', plan.code)
      .orderBy('version', 'desc')
      .execute();
    const same = versions.find((v) => v.version === plan.version);
    if (same) {
      if (same.contentHash === contentHash) {
        return { planId: same.id, code: plan.code, version: plan.version, created: false, warnings };
      }
      throw new AppError('PLAN_VERSION_EXISTS', 409, [
        {
          field: 'version',
          code: 'PLAN_VERSION_EXISTS',
          message: `版本 ${plan.version} 已存在且内容不同，请提高版本号（当前最高 ${versions[0]?.version}）`,
          messageEn: `Version ${plan.version} exists with other content; raise the version (highest is ${versions[0]?.version})`,
        },
      ]);
    }
    const highest = versions[0]?.version ?? 0;
    if (plan.version < highest) {
      throw new AppError('PLAN_VERSION_EXISTS', 409, [
        {
          field: 'version',
          code: 'PLAN_VERSION_OLDER',
          message: `版本 ${plan.version} 低于已导入的版本 ${highest}`,
          messageEn: `Version ${plan.version} is older than the imported version ${highest}`,
        },
      ]);
    }
    const keepsPublished =
      plan.status === 'draft' && versions.some((v) => v.isCurrent && v.status === 'published');
    if (!keepsPublished) {
      await trx.updateTable('plan').set({ isCurrent: false }).where('code', '=', plan.code).execute();
    }
    const planId = await insertPlan(trx, plan, {
      districtId: ctx.districtId,
      contentHash,
      warnings,
      importedBy: ctx.importedBy,
      idByCode: ctx.idByCode,
      isCurrent: !keepsPublished,
    });
    await audit.record(trx, ctx.actor, {
      action,
      objectType: 'plan',
      objectId: planId,
      details: { code: plan.code, version: plan.version, warnings: warnings.map((w) => w.messageEn) },
    });
    return { planId, code: plan.code, version: plan.version, created: true, warnings };
  }

  /**
   * Creates the next version of a plan as a draft from one of its versions with some clauses'
   * texts edited (the clause editor after a consultation), through the same insert path as a file
   * import. Runs in the caller's transaction; the caller calls the module's `invalidate` after
   * commit. Refuses unknown clause keys and edits that change nothing (VALIDATION_FAILED).
   *
   * @example await imports.createRevision(trx, { basePlanId, edits: [{ key: 'task-3', text: '…' }] }, actor)
   */
  async function createRevision(
    trx: Executor,
    input: { basePlanId: string; edits: readonly ClauseEdit[]; importedBy?: string | null },
    actor: AuditActor,
  ): Promise<PlanImportResult & { changedKeys: string[] }> {
    const base = await trx
      .selectFrom('plan')
      .select(['code', 'definition'])
      .where('id', '=', input.basePlanId)
      .executeTakeFirst();
    if (!base) throw notFound();
    const def = (
      typeof base.definition === 'string' ? JSON.parse(base.definition) : base.definition
    ) as PlanDefinition;
    const { definition, unknownKeys, changedKeys } = applyClauseEdits(def, input.edits);
    const problems = [
      ...unknownKeys.map((key) => ({
        field: 'edits',
        code: 'PLAN_CLAUSE_UNKNOWN',
        message: `条款「${key}」不存在`,
        messageEn: `No clause "${key}"`,
      })),
      ...input.edits
        .filter((e) => e.text.trim() === '')
        .map((e) => ({
          field: 'edits',
          code: 'REQUIRED',
          message: `条款「${e.key}」不能为空`,
          messageEn: `Clause "${e.key}" is empty`,
        })),
    ];
    if (problems.length === 0 && changedKeys.length === 0) {
      problems.push({
        field: 'edits',
        code: 'PLAN_REVISION_EMPTY',
        message: '修订稿与原文相同',
        messageEn: 'The revision changes nothing',
      });
    }
    if (problems.length > 0) throw new AppError('VALIDATION_FAILED', 400, problems);
    const highest = await trx
      .selectFrom('plan')
      .select((eb) => eb.fn.max('version').as('v'))
      .where('code', '=', base.code)
      .executeTakeFirstOrThrow();
    const next: PlanDefinition = { ...definition, version: Number(highest.v) + 1, status: 'draft' };
    const { idByCode } = await loadResolver(trx);
    const districtId = idByCode.get(next.district);
    if (!districtId) throw notFound();
    const result = await storeVersion(
      trx,
      next,
      [],
      { districtId, idByCode, actor, importedBy: input.importedBy ?? null },
      'plan.revise',
    );
    return { ...result, changedKeys };
  }

  async function insertPlan(
    trx: Executor,
    plan: PlanDefinition,
    extra: {
      districtId: string;
      contentHash: string;
      warnings: PlanFileIssue[];
      importedBy: string | null;
      idByCode: Map<string, string>;
      isCurrent: boolean;
    },
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
        importedAt: clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const unitId = (code: string) => extra.idByCode.get(code)!;
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
      for (const task of section.tasks) {
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
                position,
              })),
            )
            .execute();
        }
      }
    }
    await ensurePeriods(
      trx,
      planId,
      plan.startDate,
      plan.endDate,
      plan.reportingPeriod,
      chinaDate(clock.now()),
    );
    return planId;
  }

  return { importPlan, createRevision };
}

/**
 * Makes sure the plan has reporting periods from its start to its end, and on past the end up to
 * today while it is not archived: monitoring goes on until targets are met and the plan is closed.
 */
export async function ensurePeriods(
  trx: Executor,
  planId: string,
  startDate: string,
  endDate: string,
  kind: 'monthly' | 'quarterly' | 'yearly',
  today: string,
): Promise<void> {
  const until = today > endDate ? today : endDate;
  const specs = generatePeriods(startDate, until, kind);
  if (specs.length === 0) return;
  await trx
    .insertInto('reportingPeriod')
    .values(specs.map((s) => ({ planId, ...s })))
    .onConflict((oc) => oc.columns(['planId', 'startsOn']).doNothing())
    .execute();
}

export type PlanImportService = ReturnType<typeof createPlanImportService>;
