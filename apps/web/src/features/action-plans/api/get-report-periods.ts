import { useQuery } from '@tanstack/react-query';
import { legacyApi } from '@/lib/api-client';
import type { Items, Period } from '@/lib/api-types';
import { queryKeys } from '@/lib/query-keys';

/** Reporting periods of the task's plan, for the period select (shares the dashboard's cache entry). */
export async function getReportPeriods(planCode: string): Promise<Period[]> {
  return (await legacyApi<Items<Period>>(`/api/plans/${encodeURIComponent(planCode)}/periods`)).items;
}

export function useReportPeriods(planCode: string | undefined) {
  return useQuery({
    queryKey: queryKeys.periods(planCode ?? ''),
    queryFn: () => getReportPeriods(planCode!),
    enabled: !!planCode,
    staleTime: 5 * 60_000,
  });
}
