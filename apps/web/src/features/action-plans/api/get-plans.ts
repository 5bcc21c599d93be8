import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { PlanSummary } from '../types';

/** Plans the signed-in user may read. */
export async function getPlans(): Promise<PlanSummary[]> {
  return (await api.get('/api/plans')).items;
}

export function usePlans(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: queryKeys.plans,
    queryFn: getPlans,
    staleTime: 5 * 60_000,
    enabled: options.enabled ?? true,
  });
}
