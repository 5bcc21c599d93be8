import { useQuery } from '@tanstack/react-query';
import { legacyApi } from '@/lib/api-client';
import type { Items, TaskSummary } from '@/lib/api-types';

/** The tasks of a plan, for the inspection scope and the finding subject pickers. */
export async function getPlanTasks(planCode: string): Promise<TaskSummary[]> {
  return (await legacyApi<Items<TaskSummary>>(`/api/plans/${encodeURIComponent(planCode)}/tasks`)).items;
}

export function usePlanTasks(planCode: string | undefined) {
  return useQuery({
    queryKey: ['plans', planCode ?? '', 'tasks'],
    queryFn: () => getPlanTasks(planCode!),
    enabled: !!planCode,
    staleTime: 5 * 60_000,
  });
}
