/** Notifications (消息中心): the publisher modules write with, the read service and its routes. */
export {
  createNotificationPublisher,
  type BilingualText,
  type Notice,
  type NotificationPublisher,
} from './notification-publisher.ts';
export { notificationsRoutes, type NotificationsService } from './notifications.routes.ts';
export * as notificationsUseCases from './notifications.service.ts';
