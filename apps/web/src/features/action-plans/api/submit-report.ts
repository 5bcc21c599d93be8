import { api } from '@/lib/api-client';
import type { ReportDetail } from '../types';
import { useReportMutation } from './report-mutation';

/** Submits a saved draft (or a returned report) for review. */
export async function submitReport(id: string): Promise<ReportDetail> {
  return (await api.post('/api/progress-reports/{id}/submission', { path: { id } })).report;
}

export function useSubmitReport() {
  return useReportMutation(submitReport);
}
