import { ReadCache } from '../../platform/cache/read-cache.ts';
import { defineModule, type ModuleDeps } from '../../platform/modules/module-definition.ts';
import { createDashboardService } from './dashboard.service.ts';
import { createFindingService } from './findings.service.ts';
import { createInspectionService } from './inspections.service.ts';
import { createOrderService } from './orders.service.ts';
import { createRecordsService } from './records.service.ts';
import { createReportService } from './reports.service.ts';

import { supervisionRoutes } from './supervision.routes.ts';
import { supervisionPublicRoutes } from './public.routes.ts';
import { SUPERVISION_METRIC_DEFINITIONS } from './supervision.exports.ts';

export { listOpenOrdersByUnit } from './supervision.exports.ts';
export { buildInspectionReport, type InspectionReportRecords } from './report-builder.ts';

/**
 * Wires the supervision module's services. The dashboard is cached 5 s per scope and dropped on
 * every write of this module.
 */
function createSupervisionServices(deps: ModuleDeps) {
  const cache = new ReadCache<unknown>(5_000, 500);
  const onWrite = () => cache.invalidate();
  const base = { ...deps, onWrite };
  const dashboard = createDashboardService({ db: deps.db, clock: deps.clock, cache });
  return {
    inspections: createInspectionService(base),
    findings: createFindingService(base),
    orders: createOrderService(base),
    records: createRecordsService(base),
    reports: createReportService(base),
    dashboard,
    invalidate: onWrite,
  };
}

export type SupervisionModule = ReturnType<typeof createSupervisionServices>;

/** Supervision (督导评估): inspections, findings, rectification orders, interviews, sanctions, reports. */
export const supervisionModule = defineModule({
  key: 'supervision',
  create: createSupervisionServices,
  metrics: SUPERVISION_METRIC_DEFINITIONS,
  alertSources: (services) => ({ supervision: services.dashboard.alerts }),
  routes: async (app, { services, deps }) => {
    await app.register(supervisionRoutes, { supervision: services, renderer: deps.documents });
    await app.register(supervisionPublicRoutes, { reports: services.reports });
  },
});
