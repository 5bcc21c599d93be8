import type { ApiResponse } from '@zhijiao/contracts/api';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { useLang } from '@/lib/lang';

export type Todos = ApiResponse<'get', '/api/todos'>;
export type Todo = Todos['items'][number];

/**
 * What waits for the signed-in account (我的待办), titled in the UI language, overdue first, and
 * the modules whose todos could not be read this time.
 */
export async function getTodos(lang: 'zh' | 'en'): Promise<Todos> {
  return api.get('/api/todos', { query: { lang } });
}

/**
 * The todos: read afresh each time the workbench opens (a clerk coming back from the work shows
 * what is left), and every five minutes while it stays open.
 */
export function useTodos() {
  const lang = useLang();
  return useQuery({
    queryKey: ['todos', lang] as const,
    queryFn: () => getTodos(lang),
    refetchOnMount: 'always',
    refetchInterval: 5 * 60_000,
  });
}
