import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { Dashboard } from '../types';

/** The plan overview for one reporting period (the current one when `periodId` is empty). */
export async function getDashboard(planCode: string, periodId?: string): Promise<Dashboard> {
  return api.get('/api/plans/{code}/dashboard', { path: { code: planCode }, query: { periodId } });
}

/** Keeps showing the previous period while the next one loads, so the page does not flash. */
export function useDashboard(planCode: string, periodId?: string) {
  return useQuery({
    queryKey: queryKeys.dashboard(planCode, periodId),
    queryFn: () => getDashboard(planCode, periodId),
    placeholderData: keepPreviousData,
  });
}
