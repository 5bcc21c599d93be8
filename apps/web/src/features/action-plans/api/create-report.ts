import { api } from '@/lib/api-client';
import type { ReportBody, ReportDetail } from '../types';
import { useReportMutation } from './report-mutation';

export interface CreateReportInput {
  taskId: string;
  periodId: string;
  body: ReportBody;
}

/** Writes the unit's report for a task and period (201); `submit` decides draft or submission. */
export async function createReport(input: CreateReportInput): Promise<ReportDetail> {
  const body = { taskId: input.taskId, periodId: input.periodId, ...input.body };
  return (await api.post('/api/progress-reports', { body })).report;
}

export function useCreateReport() {
  return useReportMutation(createReport);
}
