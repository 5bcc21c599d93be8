import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { PublicPlan } from '../types';

/** Published plans in full (structure and public indicators), for anyone (no login). */
export async function getPublicPlans(): Promise<PublicPlan[]> {
  return (await api.get('/api/public/plans', { redirectOn401: false })).items;
}

export function usePublicPlans() {
  return useQuery({ queryKey: queryKeys.publicPlans, queryFn: getPublicPlans, staleTime: 5 * 60_000 });
}

/** One published plan of the portal by its code (`null` when none), from the same cached list as the home. */
export function usePublicPlan(code: string) {
  return useQuery({
    queryKey: queryKeys.publicPlans,
    queryFn: getPublicPlans,
    staleTime: 5 * 60_000,
    select: (plans) => plans.find((p) => p.code === code) ?? null,
  });
}
