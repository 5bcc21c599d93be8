import { api } from '@/lib/api-client';
import type { ReportDetail } from '../types';
import { useReportMutation } from './report-mutation';

/** Withdraws (撤回) a submitted report not yet reviewed: it returns to a draft. */
export async function withdrawReport(id: string): Promise<ReportDetail> {
  return (await api.post('/api/progress-reports/{id}/withdrawal', { path: { id } })).report;
}

export function useWithdrawReport() {
  return useReportMutation(withdrawReport);
}
