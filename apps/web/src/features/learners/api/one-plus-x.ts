import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { learnerKeys } from './keys';

/** `GET /api/learners/one-plus-x`: a year's 1+X figures per school and major, and the total. */
export async function getOnePlusX(year: number) {
  return api.get('/api/learners/one-plus-x', { query: { year } });
}

export type OnePlusXStatistics = Awaited<ReturnType<typeof getOnePlusX>>;

export function useOnePlusX(year: number) {
  return useQuery({ queryKey: learnerKeys.onePlusX(year), queryFn: () => getOnePlusX(year) });
}
