import type { ApiResponse } from '@zhijiao/contracts/api';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { useLang } from '@/lib/lang';

export type Todo = ApiResponse<'get', '/api/todos'>['items'][number];

/** What waits for the signed-in account (我的待办), titled in the UI language, overdue first. */
export async function getTodos(lang: 'zh' | 'en'): Promise<Todo[]> {
  return (await api.get('/api/todos', { query: { lang } })).items;
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
