import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { supervisionKeys } from './keys';

/** Published supervision reports on the portal, newest first; no sign-in. */
export async function getPublicReports() {
  return (await api.get('/api/public/supervision-reports', { query: { limit: 100 }, redirectOn401: false }))
    .items;
}

export function usePublicReports() {
  return useQuery({
    queryKey: supervisionKeys.publicReports,
    queryFn: getPublicReports,
    staleTime: 5 * 60_000,
  });
}
