import type { Comparator, IndicatorStatus } from '@zhijiao/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Items } from '@/lib/api-types';
import { queryKeys } from '@/lib/query-keys';

export interface PublicTask {
  number: number;
  label: string;
  title: string;
  titleEn: string | null;
  lead: { code: string; name: string } | null;
  cooperating: { code: string; name: string }[];
}

export interface PublicIndicator {
  code: string;
  name: string;
  nameEn: string | null;
  unit: string | null;
  comparator: Comparator;
  target: number | null;
  targetLow: number | null;
  targetHigh: number | null;
  deadline: string | null;
  latestValue: number | null;
  status: IndicatorStatus;
  taskLabel: string;
}

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
  return (await api<Items<PublicPlan>>('/api/public/plans', { redirectOn401: false })).items;
}

export function usePublicPlans() {
  return useQuery({ queryKey: queryKeys.publicPlans, queryFn: getPublicPlans, staleTime: 5 * 60_000 });
}
