import { useQuery } from '@tanstack/react-query';
import { api, type ApiResponse } from '@/lib/api-client';
import { trainingBaseKeys } from './keys';

export type OrgUnit = ApiResponse<'get', '/api/org-units'>['items'][number];

/** `GET /api/org-units`: the units a base's owner, partners and a group's members are chosen from. */
export async function getUnits() {
  return (await api.get('/api/org-units')).items;
}

export function useUnits() {
  return useQuery({ queryKey: trainingBaseKeys.units, queryFn: getUnits, staleTime: 60_000 });
}
