import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** `GET /api/org-units`: the org units the user may read (shared cache with the other unit pickers). */
export async function getOrgUnits() {
  return (await api.get('/api/org-units')).items;
}

/** Schools of the org tree the user may read (for filters), by code. */
export function useSchools() {
  return useQuery({
    queryKey: queryKeys.orgUnits,
    queryFn: getOrgUnits,
    staleTime: 5 * 60_000,
    select: (units) =>
      units.filter((u) => u.type === 'school').map((u) => ({ id: u.id, code: u.code, name: u.name })),
  });
}
