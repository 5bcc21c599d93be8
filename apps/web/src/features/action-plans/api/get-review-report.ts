import { useQuery } from '@tanstack/react-query';
import { legacyApi } from '@/lib/api-client';
import type { ReportDetail } from '@/lib/api-types';
import { queryKeys } from '@/lib/query-keys';

/** The full report a reviewer reads before approving or returning it. */
export async function getReviewReport(id: string): Promise<ReportDetail> {
  return (await legacyApi<{ report: ReportDetail }>(`/api/progress-reports/${encodeURIComponent(id)}`))
    .report;
}

export function useReviewReport(id: string | null) {
  return useQuery({
    queryKey: queryKeys.report(id ?? ''),
    queryFn: () => getReviewReport(id!),
    enabled: !!id,
  });
}
