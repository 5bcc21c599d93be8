import { useInfiniteQuery } from '@tanstack/react-query';
import { api, type ApiQuery, type ApiResponse } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type AuditRow = ApiResponse<'get', '/api/audit'>['items'][number];
/** The filters the page offers: an action prefix, the actor's name, China dates (YYYY-MM-DD). */
export type AuditFilter = Pick<ApiQuery<'get', '/api/audit'>, 'action' | 'actor' | 'from' | 'to'>;

export const AUDIT_PAGE_SIZE = 100;

/** One page of the audit log, newest first; `before` is the last `seq` already shown. */
export async function getAudit(filter: AuditFilter, before?: number) {
  return (await api.get('/api/audit', { query: { ...filter, limit: AUDIT_PAGE_SIZE, before } })).items;
}

/** The audit log as pages; "load more" asks for rows before the oldest one shown. */
export function useAudit(filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: queryKeys.audit({ ...filter }),
    queryFn: ({ pageParam }) => getAudit(filter, pageParam),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => (last.length < AUDIT_PAGE_SIZE ? undefined : last[last.length - 1]?.seq),
  });
}
