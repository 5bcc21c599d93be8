import { useMutation, useQueryClient } from '@tanstack/react-query';
import { legacyApi } from '@/lib/api-client';
import type { ReportSummary } from '@/lib/api-types';
import { queryKeys } from '@/lib/query-keys';

/** Returns a report to its unit (退回) with the reviewer's comment, which is required. */
export async function returnReport(input: { id: string; comment: string }): Promise<ReportSummary> {
  return (
    await legacyApi<{ report: ReportSummary }>(
      `/api/progress-reports/${encodeURIComponent(input.id)}/return`,
      {
        method: 'POST',
        body: { comment: input.comment },
      },
    )
  ).report;
}

export function useReturnReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: returnReport,
    onSuccess: (report) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.reports });
      void queryClient.invalidateQueries({ queryKey: queryKeys.task(report.taskId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.plans });
    },
  });
}
