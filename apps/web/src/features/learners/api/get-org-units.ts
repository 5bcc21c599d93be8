import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** `GET /api/org-units`: the units the user may read (the cache is shared with the other unit pickers). */
export async function getOrgUnits() {
  return (await api.get('/api/org-units')).items;
}

export function useOrgUnits() {
  return useQuery({ queryKey: queryKeys.orgUnits, queryFn: getOrgUnits, staleTime: 5 * 60_000 });
}
