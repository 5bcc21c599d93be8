import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { consultationKeys } from './keys';

/** The feedback summary (采纳情况说明) of a closed consultation, in the UI language. */
export async function getPublicSummary(id: string, lang: 'zh' | 'en') {
  return api.get('/api/public/consultations/{id}/summary', {
    path: { id },
    query: { lang },
    redirectOn401: false,
  });
}

/** Waits for `published`: a consultation not yet closed has no summary (the server answers 409). */
export function usePublicSummary(id: string, lang: 'zh' | 'en', published: boolean) {
  return useQuery({
    queryKey: consultationKeys.publicSummary(id, lang),
    queryFn: () => getPublicSummary(id, lang),
    enabled: published,
  });
}
