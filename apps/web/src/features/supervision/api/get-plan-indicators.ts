import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** The indicators of a plan, for the finding subject picker (shares the indicator pages' cache). */
export async function getPlanIndicators(planCode: string) {
  return (await api.get('/api/plans/{code}/indicators', { path: { code: planCode } })).items;
}

export function usePlanIndicators(planCode: string | undefined) {
  return useQuery({
    queryKey: queryKeys.planIndicators(planCode ?? ''),
    queryFn: () => getPlanIndicators(planCode!),
    enabled: !!planCode,
  });
}
