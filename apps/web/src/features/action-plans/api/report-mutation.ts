import { useMutation, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '@/lib/query-keys';
import type { ReportSummary } from '../types';

/**
 * A mutation that changes a progress report: afterwards the report lists, its task, the plan's
 * dashboards, the indicators and the alerts are read again (any of them may have moved).
 */
export function useReportMutation<Vars, Report extends ReportSummary>(
  mutationFn: (vars: Vars) => Promise<Report>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (report) => {
      for (const queryKey of [
        queryKeys.reports,
        queryKeys.task(report.taskId),
        queryKeys.plans,
        ['indicators'],
        ['alerts'],
      ])
        void queryClient.invalidateQueries({ queryKey });
    },
  });
}
