import { useQuery } from '@tanstack/react-query';
import { legacyApi } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { PublicPlan } from './get-public-plans';

/** One published plan with its sections, tasks and public indicators. */
export async function getPublicPlan(code: string): Promise<PublicPlan> {
  return legacyApi<PublicPlan>(`/api/public/plans/${encodeURIComponent(code)}`, { redirectOn401: false });
}

/** Skipped when the list answer already carried the full plan. */
export function usePublicPlan(code: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: queryKeys.publicPlan(code),
    queryFn: () => getPublicPlan(code),
    enabled: options.enabled ?? true,
    staleTime: 5 * 60_000,
  });
}
