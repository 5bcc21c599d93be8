import { useQuery } from '@tanstack/react-query';
import { legacyApi } from '@/lib/api-client';
import type { InspectionSummary, Items } from '@/lib/api-types';
import { queryKeys } from '@/lib/query-keys';

/** Inspections in progress the user sees, to open a supervision finding in (督导立项). */
export async function getRunningInspections(): Promise<InspectionSummary[]> {
  return (
    await legacyApi<Items<InspectionSummary>>('/api/supervision/inspections', {
      query: { state: 'in_progress', limit: 100 },
    })
  ).items;
}

export function useRunningInspections(enabled: boolean) {
  return useQuery({
    queryKey: [...queryKeys.supervision, 'inspections', 'in_progress'],
    queryFn: getRunningInspections,
    enabled,
  });
}
