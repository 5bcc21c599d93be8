import type { notificationsZh } from './notifications.zh';

/** The message centre: English strings, with exactly the keys of `notifications.zh.ts`. */
export const notificationsEn: Record<keyof typeof notificationsZh, string> = {
  'notifications.title': 'Notifications',
  'notifications.subtitle': 'Notices to your unit and to you: {unread} unread of {total}',
  'notifications.readAll': 'Mark all as read',
  'notifications.unread': 'Unread',
  'notifications.empty': 'No notifications',
  'notifications.bell': 'Notifications ({count} unread)',
};
