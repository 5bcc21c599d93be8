import { defineModule, type ModuleDeps } from '../../platform/modules/module-definition.ts';
import { createPlanImportService } from './plan-import.service.ts';
import { createPlanViewService, type CachedState } from './plan-view.service.ts';
import { ReadCache } from '../../platform/cache/read-cache.ts';
import { createProgressService } from './progress.service.ts';
import { createPublicPlanService } from './public.service.ts';

import { actionPlanRoutes } from './action-plans.routes.ts';
import { progressRoutes } from './progress.routes.ts';
import { publicRoutes } from './public.routes.ts';
import { PLAN_METRIC_DEFINITIONS } from './plan-metrics.ts';

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

/**
 * Wires the action-plan module's services. Dashboards read plan state through a cache kept 5 s
 * at most and dropped whenever any module's records change (computed indicators read them).
 */
function createActionPlansServices(deps: ModuleDeps) {
  const cache = new ReadCache<CachedState>(5_000);
  const publicCache = new ReadCache<unknown>(5_000, 200);
  const invalidate = () => {
    cache.invalidate();
    publicCache.invalidate();
  };
  deps.events.subscribe('records.changed', invalidate);
  return {
    imports: createPlanImportService({ ...deps, onWrite: invalidate }),
    view: createPlanViewService({ ...deps, cache }),
    progress: createProgressService({ ...deps, onWrite: invalidate }),
    publicPlans: createPublicPlanService({ ...deps, cache: publicCache }),
    invalidate,
  };
}

export type ActionPlansModule = ReturnType<typeof createActionPlansServices>;

/** The action plan (行动计划): plans as data, tasks, indicators, milestones, progress reports, alerts. */
export const actionPlansModule = defineModule({
  key: 'plans',
  create: createActionPlansServices,
  metrics: PLAN_METRIC_DEFINITIONS,
  routes: async (app, { services, deps }) => {
    await app.register(actionPlanRoutes, { view: services.view, imports: services.imports });
    await app.register(progressRoutes, { progress: services.progress, db: deps.db });
    await app.register(publicRoutes, { publicPlans: services.publicPlans });
  },
});
