import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { TaskDetail } from '../types';

/** One task with its indicators, milestones, reports and what the user may do with it. */
export async function getTask(id: string): Promise<TaskDetail> {
  return api.get('/api/tasks/{id}', { path: { id } });
}

/** The task page and the report form (its indicators and milestones) share this entry. */
export function useTask(id: string | undefined) {
  return useQuery({ queryKey: queryKeys.task(id ?? ''), queryFn: () => getTask(id!), enabled: !!id });
}
