import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** Marks one notification read for this account; answers the unread count after. */
export async function markRead(id: string) {
  return api.post('/api/notifications/{id}/read', { path: { id } });
}

/** 全部标为已读: marks every notification of this account read. */
export async function markAllRead() {
  return api.post('/api/notifications/read-all');
}

/** Either way the list and the bell are asked again. */
function useNotificationMutation<A>(fn: (arg: A) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.notifications }),
  });
}

export const useMarkRead = () => useNotificationMutation(markRead);
export const useMarkAllRead = () => useNotificationMutation(markAllRead);
