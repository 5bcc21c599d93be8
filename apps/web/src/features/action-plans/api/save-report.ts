import type { ProgressStatus } from '@zhijiao/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { legacyApi } from '@/lib/api-client';
import type { ReportSummary } from '@/lib/api-types';
import { queryKeys } from '@/lib/query-keys';

export interface ReportBody {
  progress: ProgressStatus;
  narrative: string;
  values: { indicatorId: string; value: number; note?: string }[];
  fileIds: string[];
  completedMilestones: string[];
  /** true: submit for review now; false: keep as a draft. */
  submit: boolean;
}

export type SaveReportInput =
  { id: string; body: ReportBody } | { taskId: string; periodId: string; body: ReportBody };

/** Creates a report (POST, 201) or updates one (PUT); `submit` decides draft or submission. */
export async function saveReport(input: SaveReportInput): Promise<ReportSummary> {
  const answer =
    'taskId' in input
      ? await legacyApi<{ report: ReportSummary }>('/api/progress-reports', {
          method: 'POST',
          body: { taskId: input.taskId, periodId: input.periodId, ...input.body },
        })
      : await legacyApi<{ report: ReportSummary }>(`/api/progress-reports/${encodeURIComponent(input.id)}`, {
          method: 'PUT',
          body: input.body,
        });
  return answer.report;
}

/** Save mutation: refreshes the report lists, the task, the dashboards and the alerts. */
export function useSaveReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveReport,
    onSuccess: (report) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.reports });
      void queryClient.invalidateQueries({ queryKey: queryKeys.task(report.taskId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.plans });
      void queryClient.invalidateQueries({ queryKey: ['alerts'] });
    },
  });
}
