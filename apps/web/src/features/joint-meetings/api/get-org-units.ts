import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { meetingKeys } from './keys';

/** Org units, for choosing member and responsible units. */
export async function getOrgUnits() {
  return (await api.get('/api/org-units')).items;
}

export function useUnits() {
  return useQuery({ queryKey: meetingKeys.units, queryFn: getOrgUnits, staleTime: 5 * 60_000 });
}
