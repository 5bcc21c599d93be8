import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { Period } from '../types';

/** Reporting periods of a plan, oldest first; one of them is `current`. */
export async function getPeriods(planCode: string): Promise<Period[]> {
  return (await api.get('/api/plans/{code}/periods', { path: { code: planCode } })).items;
}

/** The dashboard's period select and the report form share this entry; waits for a plan code. */
export function usePeriods(planCode: string | undefined) {
  return useQuery({
    queryKey: queryKeys.periods(planCode ?? ''),
    queryFn: () => getPeriods(planCode!),
    enabled: !!planCode,
    staleTime: 5 * 60_000,
  });
}
