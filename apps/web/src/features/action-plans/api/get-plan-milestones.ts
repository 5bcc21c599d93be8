import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { PlanMilestone } from '../types';

/** Every milestone of a plan the user may see, by due date. */
export async function getPlanMilestones(planCode: string): Promise<PlanMilestone[]> {
  return (await api.get('/api/plans/{code}/milestones', { path: { code: planCode } })).items;
}

export function usePlanMilestones(planCode: string | undefined) {
  return useQuery({
    queryKey: queryKeys.planMilestones(planCode ?? ''),
    queryFn: () => getPlanMilestones(planCode!),
    enabled: !!planCode,
  });
}
