import type { AuditActor } from '../../platform/audit/audit-log.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { listOrgUnits } from '../org/index.ts';
import { applyClauseEdits, type ClauseEdit } from './plan-clauses.ts';
import { createUnitResolver } from './plan-file/org-units-file.parse.ts';
import { parsePlanFile } from './plan-file/plan-file.parse.ts';
import type {
  OrgUnitAlias,
  OrgUnitDefinition,
  PlanDefinition,
  PlanFileIssue,
} from './plan-file/plan-file.types.ts';
import { findEvaluationByPlanCode } from './plan-closing.repository.ts';
import * as repo from './plan-import.repository.ts';
import {
  planContentHash,
  planFileInvalid,
  revisionProblems,
  unknownDistrictIssue,
  unknownMetricIssues,
  versionOutcome,
} from './plan-import.rules.ts';

export interface PlanImportResult {
  planId: string;
  code: string;
  version: number;
  created: boolean;
  warnings: PlanFileIssue[];
}

/**
 * Imports a plan definition file (YAML, see docs/plan-file-format.md) as a new plan version, all
 * or nothing. Units are resolved against the registered org units and their aliases; an alias
 * marked as a defect (区财政厅 → 区财政局) is recorded as a warning on the version.
 * The same file twice is a no-op; a changed file must carry a higher version.
 *
 * @example await services.plans.imports.importPlan(fs.readFileSync('plan.yaml', 'utf8'), SYSTEM)
 */
export async function importPlan(
  deps: ModuleDeps,
  text: string,
  actor: AuditActor,
  importedBy: string | null = null,
): Promise<PlanImportResult> {
  return deps.transaction(async (trx) => {
    const { resolver, idByCode } = await loadUnitResolver(trx);
    const parsed = parsePlanFile(text, resolver);
    if (!parsed.ok) throw planFileInvalid(parsed.errors);
    const plan = parsed.plan;
    const districtId = idByCode.get(plan.district);
    const issues = unknownMetricIssues(plan, (m) => deps.metrics.has(m));
    if (!districtId) issues.push(unknownDistrictIssue(plan.district));
    if (issues.length > 0 || !districtId) throw planFileInvalid(issues);
    return storeVersion(deps, trx, plan, parsed.warnings, { districtId, idByCode, actor, importedBy });
  });
}

/**
 * Creates the next version of a plan as a draft from one of its versions with some clauses'
 * texts edited (the clause editor after a consultation), through the same insert path as a file
 * import. Runs in the caller's transaction. Refuses unknown clause keys and edits that change
 * nothing (VALIDATION_FAILED).
 *
 * @example await imports.createRevision(trx, { basePlanId, edits: [{ key: 'task-3', text: '…' }] }, actor)
 */
export async function createRevision(
  deps: ModuleDeps,
  trx: Executor,
  input: { basePlanId: string; edits: readonly ClauseEdit[]; importedBy?: string | null },
  actor: AuditActor,
): Promise<PlanImportResult & { changedKeys: string[] }> {
  const base = await repo.findPlanDefinition(trx, input.basePlanId);
  if (!base) throw notFound();
  const { definition, ...edited } = applyClauseEdits(base.definition, input.edits);
  const problems = revisionProblems(input.edits, edited);
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', 400, problems);
  const version = (await repo.findHighestVersion(trx, base.code)) + 1;
  const next: PlanDefinition = { ...definition, version, status: 'draft' };
  const { idByCode } = await loadUnitResolver(trx);
  const districtId = idByCode.get(next.district);
  if (!districtId) throw notFound();
  const ctx = { districtId, idByCode, actor, importedBy: input.importedBy ?? null };
  const result = await storeVersion(deps, trx, next, [], ctx, 'plan.revise');
  return { ...result, changedKeys: edited.changedKeys };
}

/** Resolves unit names of a plan file against the registered units (and their aliases). */
async function loadUnitResolver(db: Executor) {
  const rows = await listOrgUnits(db);
  const codeById = new Map(rows.map((r) => [r.id, r.code]));
  const defs: OrgUnitDefinition[] = rows.map((r) => ({
    code: r.code,
    name: r.name,
    fullName: r.fullName,
    nameEn: r.nameEn,
    type: r.type,
    groups: r.groups as OrgUnitDefinition['groups'],
    aliases: r.aliases as OrgUnitAlias[],
    demo: r.demo,
    parentCode: r.parentId ? (codeById.get(r.parentId) ?? null) : null,
  }));
  return { resolver: createUnitResolver(defs), idByCode: new Map(rows.map((r) => [r.code, r.id])) };
}

/** Stores a parsed definition as a version of its plan (see `versionOutcome`), with its audit row. */
async function storeVersion(
  deps: ModuleDeps,
  trx: Executor,
  plan: PlanDefinition,
  warnings: PlanFileIssue[],
  ctx: { districtId: string; idByCode: Map<string, string>; actor: AuditActor; importedBy: string | null },
  action: 'plan.import' | 'plan.revise' = 'plan.import',
): Promise<PlanImportResult> {
  const contentHash = planContentHash(plan);
  const outcome = versionOutcome(await repo.listVersionsOfCode(trx, plan.code), plan, contentHash);
  const answer = { code: plan.code, version: plan.version, warnings };
  if (outcome.kind === 'same') return { ...answer, planId: outcome.planId, created: false };
  // A closed plan's final evaluation names the tasks and indicators of the version it closed.
  if ((await findEvaluationByPlanCode(trx, plan.code))?.state === 'closed')
    throw new AppError('PLAN_CLOSED', 409, [
      {
        field: 'code',
        code: 'PLAN_CLOSED',
        message: `计划 ${plan.code} 已收官，不能再导入或修订新版本`,
        messageEn: `Plan ${plan.code} is closed; no new version can be imported or revised`,
      },
    ]);
  if (outcome.becomesCurrent) await repo.clearCurrentVersion(trx, plan.code);
  const now = deps.clock.now();
  const planId = await repo.insertPlanVersion(trx, plan, {
    districtId: ctx.districtId,
    contentHash,
    warnings,
    importedBy: ctx.importedBy,
    importedAt: now,
    idByCode: ctx.idByCode,
    isCurrent: outcome.becomesCurrent,
  });
  await repo.insertPeriods(trx, planId, plan);
  await deps.audit.record(trx, ctx.actor, {
    action,
    objectType: 'plan',
    objectId: planId,
    details: { code: plan.code, version: plan.version, warnings: warnings.map((w) => w.messageEn) },
  });
  return { ...answer, planId, created: true };
}
