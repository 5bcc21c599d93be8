import { api } from '@/lib/api-client';
import type { ReportDetail } from '../types';
import { useReportMutation } from './report-mutation';

/** Approves a submitted report (通过); its values then count for the indicators. */
export async function approveReport(id: string): Promise<ReportDetail> {
  return (await api.post('/api/progress-reports/{id}/approval', { path: { id } })).report;
}

export function useApproveReport() {
  return useReportMutation(approveReport);
}
