import { useQuery } from '@tanstack/react-query';
import { legacyApi } from '@/lib/api-client';
import type { Items, Period } from '@/lib/api-types';
import { queryKeys } from '@/lib/query-keys';

/** Reporting periods of a plan, oldest first; one of them is `current`. */
export async function getPeriods(planCode: string): Promise<Period[]> {
  return (await legacyApi<Items<Period>>(`/api/plans/${encodeURIComponent(planCode)}/periods`)).items;
}

export function usePeriods(planCode: string) {
  return useQuery({
    queryKey: queryKeys.periods(planCode),
    queryFn: () => getPeriods(planCode),
    staleTime: 5 * 60_000,
  });
}
