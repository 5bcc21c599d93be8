/**
 * The action plan (行动计划): plans as data, tasks, indicators, milestones, progress reports and
 * their review, alerts, the open-data portal. Other modules import only from here.
 */
import { ReadCache } from '../../platform/cache/read-cache.ts';
import { RenderedCache } from '../../platform/documents/rendered-cache.ts';
import type { FileAnswer } from '../../platform/http/file-reply.ts';
import { defineModule, type ModuleDeps } from '../../platform/modules/module-definition.ts';
import type { MetricValue } from '../../platform/metrics/metric-registry.ts';
import { bindUseCases } from '../../platform/modules/use-cases.ts';
import { actionPlansDemo } from './action-plans.demo.ts';
import { actionPlanRoutes } from './action-plans.routes.ts';
import * as finalReport from './final-evaluation.service.ts';
import { planClosingRoutes } from './plan-closing.routes.ts';
import * as closing from './plan-closing.service.ts';
import * as planAlerts from './plan-alerts.service.ts';
import * as planDetail from './plan-detail.service.ts';
import * as imports from './plan-import.service.ts';
import { PLAN_METRIC_DEFINITIONS } from './plan-metrics.ts';
import type { CachedState, PlanViewDeps } from './plan-reads.ts';
import * as evidenceSearch from './evidence-search.service.ts';
import * as planSearch from './plan-search.service.ts';
import * as planTodos from './plan-todos.service.ts';
import * as planView from './plan-view.service.ts';
import { progressRoutes } from './progress.routes.ts';
import { planExportRoutes } from './plan-exports.routes.ts';
import * as planExports from './plan-exports.service.ts';
import * as progress from './progress.service.ts';
import { publicRoutes } from './public.routes.ts';
import * as publicPlans from './public.service.ts';

export { createUnitResolver, parseOrgUnitsFile } from './plan-file/org-units-file.parse.ts';
export { parsePlanFile } from './plan-file/plan-file.parse.ts';
export type { OrgUnitDefinition } from './plan-file/plan-file.types.ts';
export { findIndicatorSubject, findTaskRef, findTaskSubject } from './subject-queries.ts';
export type { IndicatorSubject, TaskSubject } from './subject-queries.ts';
export { derivePlanClauses, applyClauseEdits } from './plan-clauses.ts';
export type { PlanClause, PlanClauseKind, ClauseEdit } from './plan-clauses.ts';
export { diffChars, diffClauses } from './plan-diff.ts';
export type { ClauseDiff, DiffOp } from './plan-diff.ts';
export {
  findCurrentPlanSpan,
  findPlanVersion,
  listPlanVersionsByCode,
  listDraftPlanVersions,
} from './plan-versions.queries.ts';
export type { PlanVersionView } from './plan-versions.queries.ts';
export { listUnitPlanStatus, type UnitPlanStatus } from './unit-status.queries.ts';

/**
 * The module's services. Dashboards read plan state through a cache kept 5 s at most and dropped
 * whenever any module's records change (computed indicators read them), the open data likewise;
 * the metric values behind them are kept the same way, so a dashboard of another scope or period,
 * or the first read after the cache expired, does not compute every metric again.
 */
function createActionPlansServices(deps: ModuleDeps) {
  const cache = new ReadCache<CachedState>(5_000);
  const publicCache = new ReadCache<unknown>(5_000, 200);
  const metricCache = new ReadCache<MetricValue>(5_000, 20_000);
  const invalidate = () => {
    cache.invalidate();
    publicCache.invalidate();
    metricCache.invalidate();
  };
  deps.events.subscribe('records.changed', invalidate);
  const metrics = deps.metrics.memoised(metricCache);
  const viewDeps: PlanViewDeps = { ...deps, metrics, cache };
  return {
    imports: bindUseCases(deps, imports),
    view: {
      ...bindUseCases(viewDeps, planView),
      ...bindUseCases(viewDeps, planDetail),
      ...bindUseCases(viewDeps, planAlerts),
      ...bindUseCases(viewDeps, planTodos),
      ...bindUseCases(viewDeps, planSearch),
      ...bindUseCases(viewDeps, evidenceSearch),
    },
    progress: bindUseCases(deps, progress),
    exports: bindUseCases(viewDeps, planExports),
    closing: bindUseCases(deps, closing),
    finalReport: bindUseCases({ ...deps, rendered: new RenderedCache<FileAnswer>() }, finalReport),
    publicPlans: bindUseCases({ ...deps, metrics, publicCache }, publicPlans),
    /** Drops the cached dashboards and open data (callers that still write without an event). */
    invalidate,
  };
}

export type ActionPlansModule = ReturnType<typeof createActionPlansServices>;
export type PlanImportService = ActionPlansModule['imports'];

export const actionPlansModule = defineModule({
  key: 'plans',
  create: createActionPlansServices,
  metrics: PLAN_METRIC_DEFINITIONS,
  routes: async (app, options) => {
    await app.register(actionPlanRoutes, options);
    await app.register(progressRoutes, options);
    await app.register(planExportRoutes, options);
    await app.register(publicRoutes, options);
    await app.register(planClosingRoutes, options);
  },
  todoSources: (services) => ({ 'action-plans': services.view.todos }),
  searchSources: (services) => ({
    'action-plans': { kinds: ['task', 'indicator'], search: services.view.searchPlan },
    'progress-evidence': { kinds: ['document'], search: services.view.searchEvidence },
  }),
  attachments: (services) => ({
    progress_report: { permission: 'plan.read', readableRecord: services.progress.readableReportWithFile },
  }),
  demo: actionPlansDemo,
});
