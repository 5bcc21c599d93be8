import { useInfiniteQuery } from '@tanstack/react-query';
import { legacyApi } from '@/lib/api-client';
import type { Items } from '@/lib/api-types';
import { queryKeys } from '@/lib/query-keys';

export interface AuditRow {
  seq: number;
  at: string;
  actorName: string;
  action: string;
  objectType: string | null;
  objectId: string | null;
  result: string;
  ip: string | null;
  details: Record<string, unknown> | null;
}

export interface AuditFilter {
  action?: string;
  actor?: string;
  from?: string;
  to?: string;
}

export const AUDIT_PAGE_SIZE = 100;

/** One page of the audit log, newest first; `before` is the last `seq` already shown. */
export async function getAudit(filter: AuditFilter, before?: number): Promise<AuditRow[]> {
  return (
    await legacyApi<Items<AuditRow>>('/api/audit', { query: { ...filter, limit: AUDIT_PAGE_SIZE, before } })
  ).items;
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
