import { useQuery } from '@tanstack/react-query';
import { legacyApi } from '@/lib/api-client';
import type { Items } from '@/lib/api-types';
import type { Sanction } from '../types';
import { supervisionKeys } from './keys';

/** Rewards and penalties (奖惩) of a year the actor sees (a unit: its own). */
export async function getSanctions(year: number): Promise<Sanction[]> {
  return (await legacyApi<Items<Sanction>>('/api/supervision/sanctions', { query: { year } })).items;
}

export function useSanctions(year: number) {
  return useQuery({ queryKey: supervisionKeys.sanctions(year), queryFn: () => getSanctions(year) });
}
