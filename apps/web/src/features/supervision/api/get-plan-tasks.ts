import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

/** The tasks of a plan, for the inspection scope and the finding subject pickers. */
export async function getPlanTasks(planCode: string) {
  return (await api.get('/api/plans/{code}/tasks', { path: { code: planCode } })).items;
}

export function usePlanTasks(planCode: string | undefined) {
  return useQuery({
    queryKey: ['plans', planCode ?? '', 'tasks'],
    queryFn: () => getPlanTasks(planCode!),
    enabled: !!planCode,
    staleTime: 5 * 60_000,
  });
}
