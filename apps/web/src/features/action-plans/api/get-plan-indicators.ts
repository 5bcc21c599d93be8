import { useQuery } from '@tanstack/react-query';
import { legacyApi } from '@/lib/api-client';
import type { Indicator, Items } from '@/lib/api-types';
import { queryKeys } from '@/lib/query-keys';

/** All indicators of a plan the user may see, with latest value and status. */
export async function getPlanIndicators(planCode: string): Promise<Indicator[]> {
  return (await legacyApi<Items<Indicator>>(`/api/plans/${encodeURIComponent(planCode)}/indicators`)).items;
}

export function usePlanIndicators(planCode: string | undefined) {
  return useQuery({
    queryKey: queryKeys.planIndicators(planCode ?? ''),
    queryFn: () => getPlanIndicators(planCode!),
    enabled: !!planCode,
  });
}
