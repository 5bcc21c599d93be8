import { useQuery } from '@tanstack/react-query';
import { legacyApi } from '@/lib/api-client';
import type { Items } from '@/lib/api-types';
import type { PublicReportSummary } from '../types';
import { supervisionKeys } from './keys';

/** Published supervision reports on the portal, newest first; no sign-in. */
export async function getPublicReports(): Promise<PublicReportSummary[]> {
  return (
    await legacyApi<Items<PublicReportSummary>>('/api/public/supervision-reports', {
      query: { limit: 100 },
      redirectOn401: false,
    })
  ).items;
}

export function usePublicReports() {
  return useQuery({
    queryKey: supervisionKeys.publicReports,
    queryFn: getPublicReports,
    staleTime: 5 * 60_000,
  });
}
