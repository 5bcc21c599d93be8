import { useQuery } from '@tanstack/react-query';
import { api, type ApiResponse } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** An inspection as the finding dialogs list it (with whether the user may record findings in it). */
export type RunningInspection = ApiResponse<'get', '/api/supervision/inspections'>['items'][number];

/** Inspections in progress the user sees, to open a supervision finding in (督导立项). */
export async function getRunningInspections(): Promise<RunningInspection[]> {
  return (await api.get('/api/supervision/inspections', { query: { state: 'in_progress', limit: 100 } }))
    .items;
}

export function useRunningInspections(enabled: boolean) {
  return useQuery({
    queryKey: [...queryKeys.supervision, 'inspections', 'in_progress'],
    queryFn: getRunningInspections,
    enabled,
  });
}
