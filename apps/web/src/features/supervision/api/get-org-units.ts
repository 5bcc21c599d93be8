import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** Org units the user may see, for the unit pickers (findings, interviews, sanctions, scope). */
export async function getOrgUnits() {
  return (await api.get('/api/org-units')).items;
}

export function useOrgUnits(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: queryKeys.orgUnits,
    queryFn: getOrgUnits,
    staleTime: 5 * 60_000,
    enabled: options.enabled ?? true,
  });
}
