import { useMutation, useQueryClient } from '@tanstack/react-query';
import { legacyApi } from '@/lib/api-client';
import type { ReportSummary } from '@/lib/api-types';
import { queryKeys } from '@/lib/query-keys';

/** Approves a submitted report (通过); its values then count for the indicators. */
export async function approveReport(id: string): Promise<ReportSummary> {
  return (
    await legacyApi<{ report: ReportSummary }>(`/api/progress-reports/${encodeURIComponent(id)}/approval`, {
      method: 'POST',
    })
  ).report;
}

export function useApproveReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: approveReport,
    onSuccess: (report) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.reports });
      void queryClient.invalidateQueries({ queryKey: queryKeys.task(report.taskId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.plans });
      void queryClient.invalidateQueries({ queryKey: ['indicators'] });
      void queryClient.invalidateQueries({ queryKey: ['alerts'] });
    },
  });
}
