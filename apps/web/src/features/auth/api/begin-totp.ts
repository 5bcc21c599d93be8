import { useMutation } from '@tanstack/react-query';
import { legacyApi } from '@/lib/api-client';

export interface TotpEnrolment {
  secret: string;
  otpauthUrl: string;
}

/** Starts TOTP enrolment: the server makes a new secret and shows it this once. */
export async function beginTotp(): Promise<TotpEnrolment> {
  return legacyApi<TotpEnrolment>('/api/auth/totp', { method: 'POST' });
}

export function useBeginTotp() {
  return useMutation({ mutationFn: beginTotp });
}
