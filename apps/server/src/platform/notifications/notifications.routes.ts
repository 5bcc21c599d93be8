import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams, withErrors } from '../http/schemas.ts';
import type { Bound } from '../modules/use-cases.ts';
import {
  MarkAllReadSchema,
  NotificationPageSchema,
  NotificationQuery,
  UnreadCountSchema,
} from './notifications.schema.ts';
import type * as service from './notifications.service.ts';

/** The message centre's use cases, bound to their dependencies. */
export type NotificationsService = Bound<service.NotificationsDeps, typeof service>;

/** The message centre (消息中心): any signed-in account reads its own unit's and its own notifications. */
export const notificationsRoutes: FastifyPluginAsyncTypebox<{ notifications: NotificationsService }> = async (
  app,
  { notifications },
) => {
  app.get(
    '/api/notifications',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['notifications'],
        summary: 'The account’s notifications (to its unit and to itself), newest first, paged',
        querystring: NotificationQuery,
        response: withErrors({ 200: NotificationPageSchema }),
      },
    },
    async (request) => notifications.listNotifications(request.actor!, request.query),
  );

  app.get(
    '/api/notifications/unread-count',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['notifications'],
        summary: 'How many of the account’s notifications it has not read',
        response: withErrors({ 200: UnreadCountSchema }),
      },
    },
    async (request) => notifications.countUnread(request.actor!),
  );

  app.post(
    '/api/notifications/:id/read',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['notifications'],
        summary: 'Mark one notification read for this account',
        params: IdParams,
        response: withErrors({ 200: UnreadCountSchema }),
      },
    },
    async (request) => notifications.markRead(request.actor!, request.params.id),
  );

  app.post(
    '/api/notifications/read-all',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['notifications'],
        summary: 'Mark every notification of the account read (全部标为已读)',
        response: withErrors({ 200: MarkAllReadSchema }),
      },
    },
    async (request) => notifications.markAllRead(request.actor!),
  );
};
