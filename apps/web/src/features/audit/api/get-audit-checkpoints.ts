import { useQuery } from '@tanstack/react-query';
import { api, type ApiResponse } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type AuditCheckpoints = ApiResponse<'get', '/api/audit/checkpoints'>;

/** The newest signed checkpoints of the chain head (kept outside the database) and the last verification. */
export async function getAuditCheckpoints() {
  return api.get('/api/audit/checkpoints');
}

export function useAuditCheckpoints(enabled: boolean) {
  return useQuery({ queryKey: queryKeys.auditCheckpoints, queryFn: getAuditCheckpoints, enabled });
}
