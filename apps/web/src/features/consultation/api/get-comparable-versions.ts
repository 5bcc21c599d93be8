import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { consultationKeys } from './keys';

/** Other versions of the consulted plan, to compare with. */
export async function getComparableVersions(id: string) {
  return (await api.get('/api/consultations/{id}/versions', { path: { id } })).items;
}

export function useComparableVersions(id: string) {
  return useQuery({ queryKey: consultationKeys.versions(id), queryFn: () => getComparableVersions(id) });
}
