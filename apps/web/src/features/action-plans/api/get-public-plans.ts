import { useQuery } from '@tanstack/react-query';
import { legacyApi } from '@/lib/api-client';
import type { Indicator, Items } from '@/lib/api-types';
import { queryKeys } from '@/lib/query-keys';

export interface PublicTask {
  number: number;
  label: string;
  title: string;
  titleEn: string | null;
  lead: { code: string; name: string } | null;
  cooperating: { code: string; name: string }[];
}

/** An indicator as open data: the public subset of the signed-in view. */
export type PublicIndicator = Pick<
  Indicator,
  | 'code'
  | 'name'
  | 'nameEn'
  | 'unit'
  | 'comparator'
  | 'target'
  | 'targetLow'
  | 'targetHigh'
  | 'deadline'
  | 'latestValue'
  | 'status'
  | 'taskLabel'
>;

export interface PublicPlan {
  code: string;
  version: string | number;
  title: string;
  titleEn: string | null;
  district: { code: string; name: string };
  stage: string | null;
  startDate: string;
  endDate: string;
  sections?: { number: number; label: string; title: string; titleEn: string | null; tasks: PublicTask[] }[];
  indicators?: PublicIndicator[];
}

/** Published plans, for anyone (no login). */
export async function getPublicPlans(): Promise<PublicPlan[]> {
  return (await legacyApi<Items<PublicPlan>>('/api/public/plans', { redirectOn401: false })).items;
}

export function usePublicPlans() {
  return useQuery({ queryKey: queryKeys.publicPlans, queryFn: getPublicPlans, staleTime: 5 * 60_000 });
}
