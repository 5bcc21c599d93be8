import type { ApiResponse } from '@zhijiao/contracts/api';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { useLang } from '@/lib/lang';

export type SearchResult = ApiResponse<'get', '/api/search'>;
export type SearchGroup = SearchResult['groups'][number];
export type SearchKind = SearchGroup['kind'];
export type SearchHit = SearchGroup['hits'][number];

/** The kinds in the order the results page shows them (the server sends them in this order too). */
export const SEARCH_KINDS: readonly SearchKind[] = [
  'task',
  'indicator',
  'unit',
  'teacher',
  'project',
  'document',
  'enterprise',
  'internship_post',
  'cooperation_agreement',
];

/** The longest query the server takes (characters). */
export const SEARCH_MAX_LENGTH = 50;

/**
 * Whether the server would take `text` as a query: 1 Chinese character or 2 others, at most 50
 * (the server checks the same and answers 400 on `q` otherwise).
 */
export function isSearchable(text: string): boolean {
  const chars = [...text.trim()];
  if (chars.length === 0 || chars.length > SEARCH_MAX_LENGTH) return false;
  return chars.length >= 2 || /[\u3400-\u9fff\uf900-\ufaff]/u.test(chars[0]!);
}

/** What the signed-in account may read that matches `q`, grouped by kind, titled in `lang`. */
export async function searchAll(q: string, lang: 'zh' | 'en'): Promise<SearchResult> {
  return api.get('/api/search', { query: { q, lang } });
}

/** The search results for `q`; nothing is asked while `q` is not searchable. */
export function useSearch(q: string) {
  const lang = useLang();
  const text = q.trim();
  return useQuery({
    queryKey: ['search', text, lang] as const,
    queryFn: () => searchAll(text, lang),
    enabled: isSearchable(text),
    placeholderData: keepPreviousData,
  });
}
