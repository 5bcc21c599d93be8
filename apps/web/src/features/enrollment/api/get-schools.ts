import { useQuery } from '@tanstack/react-query';
import { api, type ApiResponse } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

type OrgUnit = ApiResponse<'get', '/api/org-units'>['items'][number];

/** Org units the user may see (shared cache with the other unit pickers); the program form picks schools. */
export async function getOrgUnits(): Promise<OrgUnit[]> {
  return (await api.get('/api/org-units')).items;
}

/** Schools by kind: 普高 (`general-high`), 中职 (`secondary-vocational`), 初中 (`junior-high`). */
export function useSchools(enabled = true) {
  const units = useQuery({
    queryKey: queryKeys.orgUnits,
    queryFn: getOrgUnits,
    staleTime: 5 * 60_000,
    enabled,
  });
  const of = (group: string) =>
    (units.data ?? []).filter((u) => u.type === 'school' && u.groups.includes(group));
  return {
    isLoading: units.isLoading,
    general: of('general-high'),
    vocational: of('secondary-vocational'),
    juniorHigh: of('junior-high'),
  };
}
