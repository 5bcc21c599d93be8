import { useQuery } from '@tanstack/react-query';
import { legacyApi } from '@/lib/api-client';
import type { ReportDetail } from '@/lib/api-types';
import { queryKeys } from '@/lib/query-keys';

/** One report in full: narrative, values, files, milestones and its history. */
export async function getReport(id: string): Promise<ReportDetail> {
  return (await legacyApi<{ report: ReportDetail }>(`/api/progress-reports/${encodeURIComponent(id)}`))
    .report;
}

export function useReport(id: string | undefined) {
  return useQuery({ queryKey: queryKeys.report(id ?? ''), queryFn: () => getReport(id!), enabled: !!id });
}
