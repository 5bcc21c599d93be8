import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type ApiResponse } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type AuditVerification = ApiResponse<'post', '/api/audit/verification'>;

/**
 * Re-computes the hash chain of the whole audit log, checks it against the signed checkpoints and
 * reports altered, missing or re-chained rows.
 */
export async function verifyAudit() {
  return api.post('/api/audit/verification');
}

/** Afterwards the checkpoint card shows this verification as the last one. */
export function useVerifyAudit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: verifyAudit,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.auditCheckpoints }),
  });
}
