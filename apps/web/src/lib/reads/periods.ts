import { useQuery } from '@tanstack/react-query';
import type { ApiResponse } from '@zhijiao/contracts/api';
import { api } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** A reporting period (填报周期) of a plan, with its status. */
export type Period = ApiResponse<'get', '/api/plans/{code}/periods'>['items'][number];

/** `GET /api/plans/:code/periods`: the plan's reporting periods, oldest first; one is `current`. */
export async function getPeriods(planCode: string): Promise<Period[]> {
  return (await api.get('/api/plans/{code}/periods', { path: { code: planCode } })).items;
}

/**
 * The plan's periods, shared by the dashboard's period select, the report form and 区级设置's
 * 填报周期 tab (one query key, one fetch); waits for a plan code.
 */
export function usePeriods(planCode: string | undefined) {
  return useQuery({
    queryKey: queryKeys.periods(planCode ?? ''),
    queryFn: () => getPeriods(planCode!),
    enabled: !!planCode,
    staleTime: 5 * 60_000,
  });
}
