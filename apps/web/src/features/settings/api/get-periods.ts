import { useQuery } from '@tanstack/react-query';
import type { ApiResponse } from '@zhijiao/contracts/api';
import { api } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type Period = ApiResponse<'get', '/api/plans/{code}/periods'>['items'][number];

/** `GET /api/plans/:code/periods`: the plan's reporting periods with their status. */
export async function getPeriods(planCode: string) {
  return (await api.get('/api/plans/{code}/periods', { path: { code: planCode } })).items;
}

export function usePeriods(planCode: string | undefined) {
  return useQuery({
    queryKey: queryKeys.periods(planCode ?? ''),
    queryFn: () => getPeriods(planCode!),
    enabled: Boolean(planCode),
  });
}
