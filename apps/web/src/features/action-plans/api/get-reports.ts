import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { ReportFilter, ReportSummary } from '../types';

type Filter = Pick<ReportFilter, 'state' | 'taskId' | 'planCode'>;

/** Progress reports the user may see: their unit's, or every unit's for a coordinator. */
export async function getReports(filter: Filter): Promise<ReportSummary[]> {
  return (await api.get('/api/progress-reports', { query: filter })).items;
}

export function useReports(filter: Filter) {
  return useQuery({ queryKey: queryKeys.reportList({ ...filter }), queryFn: () => getReports(filter) });
}

/** Reports waiting for review (state `submitted`), oldest submission first. */
export function useReviewQueue(planCode: string | undefined) {
  return useQuery({
    queryKey: queryKeys.reportList({ state: 'submitted', planCode, view: 'review' }),
    queryFn: async () =>
      (await getReports({ state: 'submitted', planCode })).sort((a, b) =>
        (a.submittedAt ?? '').localeCompare(b.submittedAt ?? ''),
      ),
  });
}
