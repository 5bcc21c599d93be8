import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { meetingKeys } from './keys';

/** One action item with its progress updates and their review. */
export async function getActionItem(id: string) {
  return (await api.get('/api/action-items/{id}', { path: { id } })).actionItem;
}

export function useActionItem(id: string | null) {
  return useQuery({
    queryKey: meetingKeys.item(id ?? ''),
    enabled: id !== null,
    queryFn: () => getActionItem(id!),
  });
}
