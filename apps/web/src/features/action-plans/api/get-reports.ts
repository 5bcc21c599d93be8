import type { ReportState } from '@zhijiao/contracts';
import { useQuery } from '@tanstack/react-query';
import { legacyApi } from '@/lib/api-client';
import type { Items, ReportSummary } from '@/lib/api-types';
import { queryKeys } from '@/lib/query-keys';

export interface ReportFilter {
  state?: ReportState;
  taskId?: string;
  planCode?: string;
}

/** Progress reports the user may see: their unit's, or every unit's for a coordinator. */
export async function getReports(filter: ReportFilter): Promise<ReportSummary[]> {
  return (await legacyApi<Items<ReportSummary>>('/api/progress-reports', { query: { ...filter } })).items;
}

export function useReports(filter: ReportFilter) {
  return useQuery({ queryKey: queryKeys.reportList({ ...filter }), queryFn: () => getReports(filter) });
}
