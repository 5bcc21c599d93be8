import { defineModule, type ModuleDeps } from '../../platform/modules/module-definition.ts';
import { listOpenOrdersByUnit } from '../supervision/index.ts';
import { createActionItemService } from './action-items.service.ts';
import { createMeetingAlertSource } from './meetings.alerts.ts';
import { createMeetingService } from './meetings.service.ts';
import { createMinutesService } from './minutes.service.ts';
import { meetingRoutes } from './meetings.routes.ts';
import { actionItemRoutes } from './action-items.routes.ts';

export { findActionItemsByIds, type ActionItemRef } from './action-items.queries.ts';
export { buildMinutes, type MinutesInput } from './minutes.ts';
export type { OpenOrdersQuery } from './status-reports.ts';

/**
 * Wires the joint-meeting module. Each member unit's status report lists its open rectification
 * orders, read through the supervision module's query.
 */
function createJointMeetingsServices(deps: ModuleDeps) {
  const withOrders = { ...deps, openOrders: listOpenOrdersByUnit };
  return {
    meetings: createMeetingService(withOrders),
    minutes: createMinutesService(withOrders),
    actionItems: createActionItemService(withOrders),
  };
}

export type JointMeetingsModule = ReturnType<typeof createJointMeetingsServices>;

/** The joint meeting of bureaus (部门联席会议): meetings, status reports, decisions as action items, minutes. */
export const jointMeetingsModule = defineModule({
  key: 'meetings',
  create: createJointMeetingsServices,
  alertSources: (_services, deps) => ({ 'joint-meetings': createMeetingAlertSource(deps.db) }),
  routes: async (app, { services, deps }) => {
    await app.register(meetingRoutes, { ...services, renderer: deps.documents });
    await app.register(actionItemRoutes, services);
  },
});
