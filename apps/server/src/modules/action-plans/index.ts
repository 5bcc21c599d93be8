import type { Kysely } from 'kysely';
import type { AuditLog } from '../../platform/audit/audit-log.ts';
import type { Clock } from '../../platform/clock/clock.ts';
import type { Database } from '../../platform/db/database.types.ts';
import type { MetricRegistry } from '../../platform/metrics/metric-registry.ts';
import { createPlanImportService } from './plan-import.service.ts';
import { createPlanViewService } from './plan-view.service.ts';
import { createProgressService } from './progress.service.ts';
import { createPublicPlanService } from './public.service.ts';

export { actionPlanRoutes } from './action-plans.routes.ts';
export { progressRoutes } from './progress.routes.ts';
export { publicRoutes } from './public.routes.ts';
export { registerPlanMetrics } from './plan-metrics.ts';
export { parseOrgUnitsFile } from './plan-file/org-units-file.parse.ts';

/** Wires the action-plan module's services. */
export function createActionPlansModule(deps: {
  db: Kysely<Database>;
  audit: AuditLog;
  clock: Clock;
  metrics: MetricRegistry;
}) {
  return {
    imports: createPlanImportService(deps),
    view: createPlanViewService(deps),
    progress: createProgressService(deps),
    publicPlans: createPublicPlanService(deps),
  };
}

export type ActionPlansModule = ReturnType<typeof createActionPlansModule>;
