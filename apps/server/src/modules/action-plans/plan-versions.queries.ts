import type { Executor } from '../../platform/db/database.ts';
import { derivePlanClauses, type PlanClause } from './plan-clauses.ts';
import type { PlanDefinition } from './plan-file/plan-file.types.ts';

/** A plan version as other modules see it: identity, status and its clauses. */
export interface PlanVersionView {
  id: string;
  code: string;
  version: number;
  title: string;
  status: 'draft' | 'published' | 'archived';
  stage: string | null;
  districtId: string;
  isCurrent: boolean;
  clauses: PlanClause[];
}

const columns = [
  'id',
  'code',
  'version',
  'title',
  'status',
  'stage',
  'districtId',
  'isCurrent',
  'definition',
] as const;

function toView(row: {
  id: string;
  code: string;
  version: number;
  title: string;
  status: string;
  stage: string | null;
  districtId: string;
  isCurrent: boolean;
  definition: unknown;
}): PlanVersionView {
  const def = (
    typeof row.definition === 'string' ? JSON.parse(row.definition) : row.definition
  ) as PlanDefinition;
  return {
    id: row.id,
    code: row.code,
    version: row.version,
    title: row.title,
    status: row.status as PlanVersionView['status'],
    stage: row.stage,
    districtId: row.districtId,
    isCurrent: row.isCurrent,
    clauses: derivePlanClauses(def),
  };
}

/**
 * One plan version with its clauses (derived from its stored definition), or undefined.
 *
 * @example const v = await findPlanVersion(db, planId); v?.clauses.find((c) => c.key === 'task-3')
 */
export async function findPlanVersion(db: Executor, planId: string): Promise<PlanVersionView | undefined> {
  const row = await db.selectFrom('plan').select(columns).where('id', '=', planId).executeTakeFirst();
  return row ? toView(row) : undefined;
}

/** Every version of a plan code, oldest first, with clauses. */
export async function listPlanVersionsByCode(db: Executor, code: string): Promise<PlanVersionView[]> {
  const rows = await db
    .selectFrom('plan')
    .select(columns)
    .where('code', '=', code)
    .orderBy('version')
    .execute();
  return rows.map(toView);
}

/** Draft versions (candidates for a public consultation), newest first, without clauses. */
export async function listDraftPlanVersions(
  db: Executor,
  districtId: string | null,
): Promise<Array<Omit<PlanVersionView, 'clauses'>>> {
  let q = db
    .selectFrom('plan')
    .select(['id', 'code', 'version', 'title', 'status', 'stage', 'districtId', 'isCurrent'])
    .where('status', '=', 'draft');
  if (districtId) q = q.where('districtId', '=', districtId);
  const rows = await q.orderBy('code').orderBy('version', 'desc').execute();
  return rows.map((r) => ({ ...r, status: r.status as PlanVersionView['status'] }));
}

/** The dates the current version of plan `code` runs between, or null when no such plan is loaded. */
export async function findCurrentPlanSpan(
  db: Executor,
  code: string,
): Promise<{ startDate: string; endDate: string } | null> {
  const row = await db
    .selectFrom('plan')
    .select(['startDate', 'endDate'])
    .where('code', '=', code)
    .where('isCurrent', '=', true)
    .executeTakeFirst();
  return row ?? null;
}
