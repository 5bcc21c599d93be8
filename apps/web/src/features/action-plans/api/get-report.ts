import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { ReportDetail } from '../types';

/** One report in full: narrative, values, files, milestones and its history. */
export async function getReport(id: string): Promise<ReportDetail> {
  return (await api.get('/api/progress-reports/{id}', { path: { id } })).report;
}

/** The report form, the report drawer and the reviewer's drawer read it; waits for an id. */
export function useReport(id: string | null | undefined) {
  return useQuery({ queryKey: queryKeys.report(id ?? ''), queryFn: () => getReport(id!), enabled: !!id });
}
