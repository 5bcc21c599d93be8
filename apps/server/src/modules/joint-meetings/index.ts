/**
 * The joint meeting of bureaus (部门联席会议): meetings, status reports, decisions as action items,
 * minutes. Other modules import only from here.
 */
import { defineModule, type ModuleDeps } from '../../platform/modules/module-definition.ts';
import { bindUseCases } from '../../platform/modules/use-cases.ts';
import { actionItemRoutes } from './action-items.routes.ts';
import * as actionItemsExport from './action-items-export.service.ts';
import * as actionItems from './action-items.service.ts';
import { createMeetingAlertSource } from './meetings.alerts.ts';
import { JOINT_MEETING_METRIC_DEFINITIONS } from './joint-meetings.metrics.ts';
import { meetingsDemo } from './meetings.demo.ts';
import { meetingRoutes } from './meetings.routes.ts';
import * as meetings from './meetings.service.ts';
import * as meetingsSearch from './meetings-search.service.ts';
import * as minutes from './minutes.service.ts';
import { createMeetingTodos } from './meetings.todos.ts';

export { findActionItemsByIds, type ActionItemRef } from './action-items.queries.ts';
export { JOINT_MEETING_METRICS } from './joint-meetings.metrics.ts';
export { buildMinutes, type MinutesInput } from './minutes.ts';

function createJointMeetingsServices(deps: ModuleDeps) {
  return {
    meetings: bindUseCases(deps, meetings),
    minutes: bindUseCases(deps, minutes),
    search: bindUseCases(deps, meetingsSearch),
    actionItems: bindUseCases(deps, { ...actionItems, ...actionItemsExport }),
  };
}

export type JointMeetingsServices = ReturnType<typeof createJointMeetingsServices>;

/** The joint meeting of bureaus: its services, routes, alerts (action items due, remarks missing) and metrics. */
export const jointMeetingsModule = defineModule({
  key: 'meetings',
  create: createJointMeetingsServices,
  alertSources: (_services, deps) => ({ 'joint-meetings': createMeetingAlertSource(deps.db) }),
  todoSources: (_services, deps) => ({ 'joint-meetings': createMeetingTodos(deps) }),
  searchSources: (services) => ({
    'joint-meetings': { kinds: ['document'], search: services.search.searchMeetings },
  }),
  routes: async (app, options) => {
    await app.register(meetingRoutes, options);
    await app.register(actionItemRoutes, options);
  },
  metrics: JOINT_MEETING_METRIC_DEFINITIONS,
  attachments: (services) => ({
    action_item: {
      permission: 'meeting.read',
      readableRecord: services.actionItems.readableActionItemWithFile,
    },
  }),
  demo: meetingsDemo,
});
