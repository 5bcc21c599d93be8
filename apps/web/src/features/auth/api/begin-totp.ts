import { useMutation } from '@tanstack/react-query';
import { api, type ApiBody, type ApiResponse } from '@/lib/api-client';

export type TotpEnrolment = ApiResponse<'post', '/api/auth/totp'>;
/** The password; to replace an active secret also a current code from it. */
export type BeginTotpInput = ApiBody<'post', '/api/auth/totp'>;

/** Starts TOTP enrolment: the server makes a new secret and shows it this once. */
export async function beginTotp(input: BeginTotpInput) {
  return api.post('/api/auth/totp', { body: input });
}

export function useBeginTotp() {
  return useMutation({ mutationFn: beginTotp });
}
