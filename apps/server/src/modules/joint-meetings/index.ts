import type { Kysely } from 'kysely';
import type { AuditLog } from '../../platform/audit/audit-log.ts';
import type { Clock } from '../../platform/clock/clock.ts';
import type { Database } from '../../platform/db/database.types.ts';
import type { MetricRegistry } from '../../platform/metrics/metric-registry.ts';
import { createActionItemService } from './action-items.service.ts';
import { createMeetingAlertSource } from './meetings.alerts.ts';
import { createMeetingService } from './meetings.service.ts';
import { createMinutesService } from './minutes.service.ts';
import type { OpenOrdersQuery } from './status-reports.ts';

export { meetingRoutes } from './meetings.routes.ts';
export { actionItemRoutes } from './action-items.routes.ts';
export { findActionItemsByIds, type ActionItemRef } from './action-items.queries.ts';
export { buildMinutes, type MinutesInput } from './minutes.ts';
export type { OpenOrdersQuery } from './status-reports.ts';

/**
 * Wires the joint-meeting module. `openOrders` is the supervision module's query for open
 * rectification orders, which each member unit's status report lists.
 */
export function createJointMeetingsModule(deps: {
  db: Kysely<Database>;
  audit: AuditLog;
  clock: Clock;
  metrics: MetricRegistry;
  openOrders: OpenOrdersQuery;
}) {
  return {
    meetings: createMeetingService(deps),
    minutes: createMinutesService(deps),
    actionItems: createActionItemService(deps),
    alertSource: createMeetingAlertSource(deps.db),
  };
}

export type JointMeetingsModule = ReturnType<typeof createJointMeetingsModule>;
