import { useQuery } from '@tanstack/react-query';
import { legacyApi } from '@/lib/api-client';
import type { TaskDetail } from '@/lib/api-types';
import { queryKeys } from '@/lib/query-keys';

/** One task with its indicators, milestones, reports and what the user may do with it. */
export async function getTask(id: string): Promise<TaskDetail> {
  return legacyApi<TaskDetail>(`/api/tasks/${encodeURIComponent(id)}`);
}

export function useTask(id: string) {
  return useQuery({ queryKey: queryKeys.task(id), queryFn: () => getTask(id) });
}
