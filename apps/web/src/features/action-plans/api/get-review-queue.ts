import { useQuery } from '@tanstack/react-query';
import { legacyApi } from '@/lib/api-client';
import type { Items, ReportSummary } from '@/lib/api-types';
import { queryKeys } from '@/lib/query-keys';

/** Reports waiting for review (state `submitted`), oldest submission first. */
export async function getReviewQueue(planCode: string | undefined): Promise<ReportSummary[]> {
  const { items } = await legacyApi<Items<ReportSummary>>('/api/progress-reports', {
    query: { state: 'submitted', planCode },
  });
  return [...items].sort((a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? ''));
}

export function useReviewQueue(planCode: string | undefined) {
  return useQuery({
    queryKey: queryKeys.reportList({ state: 'submitted', planCode, view: 'review' }),
    queryFn: () => getReviewQueue(planCode),
  });
}
