import { ReadCache } from '../../platform/cache/read-cache.ts';
import { RenderedCache } from '../../platform/documents/rendered-cache.ts';
import { defineModule, type ModuleDeps } from '../../platform/modules/module-definition.ts';
import { bindUseCases } from '../../platform/modules/use-cases.ts';
import * as assessmentExport from './assessment-export.service.ts';
import * as dashboard from './dashboard.service.ts';
import * as findings from './findings.service.ts';
import * as inspectionsRead from './inspections-read.service.ts';
import * as inspections from './inspections.service.ts';
import * as interviews from './interviews.service.ts';
import * as ordersAnswer from './orders-answer.service.ts';
import * as ordersExport from './orders-export.service.ts';
import * as ordersIssue from './orders-issue.service.ts';
import * as ordersRead from './orders-read.service.ts';
import * as ordersReview from './orders-review.service.ts';
import * as reports from './reports.service.ts';
import * as supervisionSearch from './supervision-search.service.ts';
import * as sanctions from './sanctions.service.ts';
import { supervisionDemo } from './supervision.demo.ts';
import { SUPERVISION_METRIC_DEFINITIONS } from './supervision.metrics.ts';
import { supervisionRoutes } from './supervision.routes.ts';
import { createSupervisionTodos } from './supervision.todos.ts';

// What other modules read of supervision (the joint meeting's agenda lists units' open orders).
export { listOpenOrdersByUnit, type OpenOrdersOfUnit } from './stats.repository.ts';

/**
 * The supervision module's services. The dashboard is cached 5 s per scope and dropped whenever
 * the module's records change (`records.changed` for `supervision`, after each commit).
 */
function createSupervisionServices(deps: ModuleDeps) {
  const cache = new ReadCache<unknown>(5_000, 500);
  deps.events.subscribe('records.changed', (e) => {
    if (e.module === 'supervision') cache.invalidate();
  });
  return {
    inspections: bindUseCases(deps, { ...inspections, ...inspectionsRead }),
    findings: bindUseCases(deps, findings),
    orders: bindUseCases(deps, {
      ...ordersIssue,
      ...ordersAnswer,
      ...ordersReview,
      ...ordersRead,
      ...ordersExport,
    }),
    records: bindUseCases(deps, { ...interviews, ...sanctions, ...assessmentExport }),
    reports: bindUseCases({ ...deps, rendered: new RenderedCache<reports.PublicReportFile>() }, reports),
    dashboard: bindUseCases({ ...deps, cache }, dashboard),
    search: bindUseCases(deps, supervisionSearch),
  };
}

export type SupervisionServices = ReturnType<typeof createSupervisionServices>;

/** Supervision (督导评估): inspections, findings, rectification orders, interviews, sanctions, reports. */
export const supervisionModule = defineModule({
  key: 'supervision',
  create: createSupervisionServices,
  routes: supervisionRoutes,
  metrics: SUPERVISION_METRIC_DEFINITIONS,
  alertSources: (services) => ({ supervision: services.dashboard.alerts }),
  todoSources: (_services, deps) => ({ supervision: createSupervisionTodos(deps) }),
  searchSources: (services) => ({
    supervision: { kinds: ['document'], search: services.search.searchSupervision },
  }),
  attachments: (services) => ({
    rectification_order: {
      permission: 'supervision.read',
      readableRecord: services.orders.readableOrderWithFile,
    },
  }),
  demo: supervisionDemo,
});
