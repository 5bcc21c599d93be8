import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { legacyApi } from '@/lib/api-client';
import type { Items } from '@/lib/api-types';
import type { ActionItem, ActionItemDetail } from '../types';
import { meetingKeys } from './meetings';

/** Action items (议定事项) the user may see, by deadline; `overdue` keeps only late ones. */
export function useActionItems(filter: { overdue?: boolean; meetingId?: string }) {
  return useQuery({
    queryKey: meetingKeys.items(filter),
    queryFn: async () => (await legacyApi<Items<ActionItem>>('/api/action-items', { query: filter })).items,
  });
}

export function useActionItem(id: string | null) {
  return useQuery({
    queryKey: meetingKeys.item(id ?? ''),
    enabled: id !== null,
    queryFn: async () =>
      (await legacyApi<{ actionItem: ActionItemDetail }>(`/api/action-items/${encodeURIComponent(id!)}`))
        .actionItem,
  });
}

/** Submit a progress update (落实情况), accept it, or return it with a comment. */
export function useActionItemStep() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (step: { id: string; action: 'updates' | 'acceptance' | 'return'; body?: unknown }) =>
      (
        await legacyApi<{ actionItem: ActionItemDetail }>(
          `/api/action-items/${encodeURIComponent(step.id)}/${step.action}`,
          { method: 'POST', body: step.body },
        )
      ).actionItem,
    onSuccess: (item) => {
      queryClient.setQueryData(meetingKeys.item(item.id), item);
      void queryClient.invalidateQueries({ queryKey: meetingKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['alerts'] });
    },
  });
}
