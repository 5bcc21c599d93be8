import { useQuery } from '@tanstack/react-query';
import { legacyApi } from '@/lib/api-client';
import type { TaskDetail } from '@/lib/api-types';
import { queryKeys } from '@/lib/query-keys';

/**
 * The task a report is about (its reported indicators and milestones fill the form). Same query
 * key as the task page, so the two share one cache entry.
 */
export async function getReportTask(taskId: string): Promise<TaskDetail> {
  return legacyApi<TaskDetail>(`/api/tasks/${encodeURIComponent(taskId)}`);
}

export function useReportTask(taskId: string | undefined) {
  return useQuery({
    queryKey: queryKeys.task(taskId ?? ''),
    queryFn: () => getReportTask(taskId!),
    enabled: !!taskId,
  });
}
