import { api } from '@/lib/api-client';
import type { ReportDetail } from '../types';
import { useReportMutation } from './report-mutation';

export interface ReturnReportInput {
  id: string;
  comment: string;
}

/** Returns a report to its unit (退回) with the reviewer's comment, which is required. */
export async function returnReport({ id, comment }: ReturnReportInput): Promise<ReportDetail> {
  return (await api.post('/api/progress-reports/{id}/return', { path: { id }, body: { comment } })).report;
}

export function useReturnReport() {
  return useReportMutation(returnReport);
}
