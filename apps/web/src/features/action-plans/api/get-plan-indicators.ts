import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { Indicator } from '../types';

/** All indicators of a plan the user may see, with latest value and status. */
export async function getPlanIndicators(planCode: string): Promise<Indicator[]> {
  return (await api.get('/api/plans/{code}/indicators', { path: { code: planCode } })).items;
}

export function usePlanIndicators(planCode: string | undefined) {
  return useQuery({
    queryKey: queryKeys.planIndicators(planCode ?? ''),
    queryFn: () => getPlanIndicators(planCode!),
    enabled: !!planCode,
  });
}
