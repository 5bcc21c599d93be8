import { useQuery } from '@tanstack/react-query';
import { legacyApi } from '@/lib/api-client';
import type { Items, PlanMilestone } from '@/lib/api-types';
import { queryKeys } from '@/lib/query-keys';

/** Every milestone of a plan the user may see, by due date. */
export async function getPlanMilestones(planCode: string): Promise<PlanMilestone[]> {
  return (await legacyApi<Items<PlanMilestone>>(`/api/plans/${encodeURIComponent(planCode)}/milestones`))
    .items;
}

export function usePlanMilestones(planCode: string | undefined) {
  return useQuery({
    queryKey: queryKeys.planMilestones(planCode ?? ''),
    queryFn: () => getPlanMilestones(planCode!),
    enabled: !!planCode,
  });
}
