import { useMutation } from '@tanstack/react-query';
import { api, type ApiResponse } from '@/lib/api-client';

/** The verification's answer: who issued what to whom, the signature, the revocation, the reasons. */
export type CredentialVerification = ApiResponse<'post', '/api/public/credentials/verify'>;

/** The largest credential the server reads (its schema's maxLength). */
export const MAX_CREDENTIAL_CHARS = 65_536;

/** Verifies a pasted credential (no sign-in; nothing is kept, so no cache either). */
export function verifyCredential(credential: string): Promise<CredentialVerification> {
  return api.post('/api/public/credentials/verify', { body: { credential }, redirectOn401: false });
}

export function useVerifyCredential() {
  return useMutation({ mutationFn: verifyCredential });
}
