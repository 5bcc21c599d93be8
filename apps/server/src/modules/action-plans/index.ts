import type { Kysely } from 'kysely';
import type { AuditLog } from '../../platform/audit/audit-log.ts';
import type { Clock } from '../../platform/clock/clock.ts';
import type { Database } from '../../platform/db/database.types.ts';
import type { MetricRegistry } from '../../platform/metrics/metric-registry.ts';
import type { AlertSources } from '../../platform/alerts/alert-sources.ts';
import { createPlanImportService } from './plan-import.service.ts';
import { createPlanViewService, type CachedState } from './plan-view.service.ts';
import { ReadCache } from '../../platform/cache/read-cache.ts';
import { createProgressService } from './progress.service.ts';
import { createPublicPlanService } from './public.service.ts';

export { actionPlanRoutes } from './action-plans.routes.ts';
export { progressRoutes } from './progress.routes.ts';
export { publicRoutes } from './public.routes.ts';
export { registerPlanMetrics } from './plan-metrics.ts';
export { parseOrgUnitsFile } from './plan-file/org-units-file.parse.ts';
export type { OrgUnitDefinition } from './plan-file/plan-file.types.ts';
export { findIndicatorSubject, findTaskSubject } from './subject-queries.ts';
export type { IndicatorSubject, TaskSubject } from './subject-queries.ts';
export { derivePlanClauses, applyClauseEdits } from './plan-clauses.ts';
export type { PlanClause, PlanClauseKind, ClauseEdit } from './plan-clauses.ts';
export { diffChars, diffClauses } from './plan-diff.ts';
export type { ClauseDiff, DiffOp } from './plan-diff.ts';
export { findPlanVersion, listPlanVersionsByCode, listDraftPlanVersions } from './plan-versions.queries.ts';
export type { PlanVersionView } from './plan-versions.queries.ts';
export type { PlanImportService } from './plan-import.service.ts';
export { listUnitPlanStatus, type UnitPlanStatus } from './unit-status.queries.ts';
export { tierForLateness, daysBetween, APPROACHING_DAYS, RED_AFTER_DAYS } from './alerts.ts';

/** Wires the action-plan module's services. */
export function createActionPlansModule(deps: {
  db: Kysely<Database>;
  audit: AuditLog;
  clock: Clock;
  metrics: MetricRegistry;
  /** Other modules' alerts, returned by `GET /api/alerts` beside the plan's own. */
  alertSources?: AlertSources;
}) {
  // Plan state read by dashboards, kept 5 s at most and dropped on every write of this module.
  const cache = new ReadCache<CachedState>(5_000);
  const publicCache = new ReadCache<unknown>(5_000, 200);
  const onWrite = () => {
    cache.invalidate();
    publicCache.invalidate();
  };
  return {
    imports: createPlanImportService({ ...deps, onWrite }),
    view: createPlanViewService({ ...deps, cache }),
    progress: createProgressService({ ...deps, onWrite }),
    publicPlans: createPublicPlanService({ ...deps, cache: publicCache }),
    invalidate: onWrite,
  };
}

export type ActionPlansModule = ReturnType<typeof createActionPlansModule>;
