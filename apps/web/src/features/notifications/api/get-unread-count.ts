import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** How many of the account's notifications it has not read. */
export async function getUnreadCount(): Promise<number> {
  return (await api.get('/api/notifications/unread-count')).unread;
}

/**
 * The bell's number: asked every minute and whenever the window regains focus; not asked while
 * the session must first change its password or enrol TOTP (`enabled` false).
 */
export function useUnreadCount(enabled = true) {
  return useQuery({
    enabled,
    queryKey: [...queryKeys.notifications, 'unread'],
    queryFn: getUnreadCount,
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
  });
}
