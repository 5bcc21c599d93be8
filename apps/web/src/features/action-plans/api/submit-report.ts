import { useMutation, useQueryClient } from '@tanstack/react-query';
import { legacyApi } from '@/lib/api-client';
import type { ReportSummary } from '@/lib/api-types';
import { queryKeys } from '@/lib/query-keys';

/** Submits a saved draft (or a returned report) for review. */
export async function submitReport(id: string): Promise<ReportSummary> {
  return (
    await legacyApi<{ report: ReportSummary }>(`/api/progress-reports/${encodeURIComponent(id)}/submission`, {
      method: 'POST',
    })
  ).report;
}

export function useSubmitReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: submitReport,
    onSuccess: (report) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.reports });
      void queryClient.invalidateQueries({ queryKey: queryKeys.task(report.taskId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.plans });
    },
  });
}
