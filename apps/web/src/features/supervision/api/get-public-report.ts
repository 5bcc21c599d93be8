import { useQuery } from '@tanstack/react-query';
import { legacyApi } from '@/lib/api-client';
import { useLang } from '@/lib/lang';
import type { PublicReport } from '../types';
import { enc, supervisionKeys } from './keys';

/** One published supervision report as a document, in the chosen language. */
export async function getPublicReport(id: string, lang: string): Promise<PublicReport> {
  return legacyApi<PublicReport>(`/api/public/supervision-reports/${enc(id)}`, {
    query: { lang },
    redirectOn401: false,
  });
}

export function usePublicReport(id: string) {
  const lang = useLang();
  return useQuery({
    queryKey: [...supervisionKeys.publicReport(id), lang],
    queryFn: () => getPublicReport(id, lang),
  });
}
