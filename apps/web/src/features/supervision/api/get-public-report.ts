import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { useLang } from '@/lib/lang';
import { supervisionKeys } from './keys';

/** One published supervision report as a document, in the chosen language. */
export function getPublicReport(id: string, lang: string) {
  return api.get('/api/public/supervision-reports/{id}', {
    path: { id },
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
