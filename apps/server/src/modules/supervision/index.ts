import type { Kysely } from 'kysely';
import type { AuditLog } from '../../platform/audit/audit-log.ts';
import type { AlertSources } from '../../platform/alerts/alert-sources.ts';
import { ReadCache } from '../../platform/cache/read-cache.ts';
import type { Clock } from '../../platform/clock/clock.ts';
import type { Database } from '../../platform/db/database.types.ts';
import type { MetricRegistry } from '../../platform/metrics/metric-registry.ts';
import { createDashboardService } from './dashboard.service.ts';
import { createFindingService } from './findings.service.ts';
import { createInspectionService } from './inspections.service.ts';
import { createOrderService } from './orders.service.ts';
import { createRecordsService } from './records.service.ts';
import { createReportService } from './reports.service.ts';

export { supervisionRoutes } from './supervision.routes.ts';
export { supervisionPublicRoutes } from './public.routes.ts';
export { listOpenOrdersByUnit, registerSupervisionMetrics } from './supervision.exports.ts';
export { buildInspectionReport, type InspectionReportRecords } from './report-builder.ts';

/**
 * Wires the supervision module (督导评估) and registers its alert source. The dashboard is cached
 * 5 s per scope and dropped on every write of this module.
 */
export function createSupervisionModule(deps: {
  db: Kysely<Database>;
  audit: AuditLog;
  clock: Clock;
  metrics: MetricRegistry;
  alertSources?: AlertSources;
}) {
  const cache = new ReadCache<unknown>(5_000, 500);
  const onWrite = () => cache.invalidate();
  const base = { ...deps, onWrite };
  const dashboard = createDashboardService({ db: deps.db, clock: deps.clock, cache });
  deps.alertSources?.register('supervision', dashboard.alerts);
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

export type SupervisionModule = ReturnType<typeof createSupervisionModule>;
