import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type ApiResponse } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type NotificationPage = ApiResponse<'get', '/api/notifications'>;
export type Notification = NotificationPage['items'][number];

export const NOTIFICATION_PAGE_SIZE = 20;

/** One page (1-based) of the account's notifications, newest first, with the total and unread counts. */
export async function getNotifications(page: number): Promise<NotificationPage> {
  return api.get('/api/notifications', {
    query: { limit: NOTIFICATION_PAGE_SIZE, offset: (page - 1) * NOTIFICATION_PAGE_SIZE },
  });
}

/** The message centre's list; the page shown stays while the next one loads. */
export function useNotifications(page: number) {
  return useQuery({
    queryKey: [...queryKeys.notifications, 'list', page],
    queryFn: () => getNotifications(page),
    placeholderData: keepPreviousData,
  });
}
