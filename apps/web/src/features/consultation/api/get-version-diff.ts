import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { consultationKeys } from './keys';

/** The consulted version against `to` (by default its revision), clause by clause. */
export async function getVersionDiff(id: string, to: string | undefined) {
  return api.get('/api/consultations/{id}/diff', { path: { id }, query: { to } });
}

export function useVersionDiff(id: string, to: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: consultationKeys.diff(id, to),
    enabled,
    queryFn: () => getVersionDiff(id, to),
  });
}
