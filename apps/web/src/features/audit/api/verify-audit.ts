import { useMutation } from '@tanstack/react-query';
import { api, type ApiResponse } from '@/lib/api-client';

export type AuditVerification = ApiResponse<'post', '/api/audit/verification'>;

/** Re-computes the hash chain of the whole audit log and reports altered or missing rows. */
export async function verifyAudit() {
  return api.post('/api/audit/verification');
}

export function useVerifyAudit() {
  return useMutation({ mutationFn: verifyAudit });
}
