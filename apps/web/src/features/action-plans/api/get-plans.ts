import { useQuery } from '@tanstack/react-query';
import { legacyApi } from '@/lib/api-client';
import type { Items, PlanSummary } from '@/lib/api-types';
import { queryKeys } from '@/lib/query-keys';

/** Plans the signed-in user may read. */
export async function getPlans(): Promise<PlanSummary[]> {
  return (await legacyApi<Items<PlanSummary>>('/api/plans')).items;
}

export function usePlans(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: queryKeys.plans,
    queryFn: getPlans,
    staleTime: 5 * 60_000,
    enabled: options.enabled ?? true,
  });
}
