import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { supervisionKeys } from './keys';

/** Rewards and penalties (奖惩) of a year the actor sees (a unit: its own). */
export async function getSanctions(year: number) {
  return (await api.get('/api/supervision/sanctions', { query: { year } })).items;
}

export function useSanctions(year: number) {
  return useQuery({ queryKey: supervisionKeys.sanctions(year), queryFn: () => getSanctions(year) });
}
