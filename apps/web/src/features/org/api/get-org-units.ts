import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** Every org unit as a flat list (the tree is built in the browser). */
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
