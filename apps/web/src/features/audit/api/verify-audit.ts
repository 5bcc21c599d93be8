import { useMutation } from '@tanstack/react-query';
import { legacyApi } from '@/lib/api-client';

export interface AuditVerification {
  ok: boolean;
  rows: number;
  headSeq: number | null;
  headHash: string | null;
  problems: { seq: number; problem: string; message: string }[];
}

/** Re-computes the hash chain of the whole audit log and reports altered or missing rows. */
export async function verifyAudit(): Promise<AuditVerification> {
  return legacyApi<AuditVerification>('/api/audit/verification', { method: 'POST' });
}

export function useVerifyAudit() {
  return useMutation({ mutationFn: verifyAudit });
}
