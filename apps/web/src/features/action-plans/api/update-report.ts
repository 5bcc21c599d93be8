import { api } from '@/lib/api-client';
import type { ReportBody, ReportDetail } from '../types';
import { useReportMutation } from './report-mutation';

export interface UpdateReportInput {
  id: string;
  body: ReportBody;
}

/** Edits a draft or returned report; `submit` hands it in at once. */
export async function updateReport({ id, body }: UpdateReportInput): Promise<ReportDetail> {
  return (await api.put('/api/progress-reports/{id}', { path: { id }, body })).report;
}

export function useUpdateReport() {
  return useReportMutation(updateReport);
}
