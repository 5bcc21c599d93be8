import { useQuery } from '@tanstack/react-query';
import { api, type ApiQuery } from '@/lib/api-client';
import { meetingKeys } from './keys';

export type ActionItemFilter = ApiQuery<'get', '/api/action-items'>;

/** Action items (议定事项) the user may see, by deadline; `overdue` keeps only late ones. */
export async function getActionItems(filter: ActionItemFilter) {
  return (await api.get('/api/action-items', { query: filter })).items;
}

export function useActionItems(filter: ActionItemFilter) {
  return useQuery({ queryKey: meetingKeys.items(filter), queryFn: () => getActionItems(filter) });
}
