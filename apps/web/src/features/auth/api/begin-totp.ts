import { useMutation } from '@tanstack/react-query';
import { api, type ApiResponse } from '@/lib/api-client';

export type TotpEnrolment = ApiResponse<'post', '/api/auth/totp'>;

/** Starts TOTP enrolment: the server makes a new secret and shows it this once. */
export async function beginTotp() {
  return api.post('/api/auth/totp');
}

export function useBeginTotp() {
  return useMutation({ mutationFn: beginTotp });
}
