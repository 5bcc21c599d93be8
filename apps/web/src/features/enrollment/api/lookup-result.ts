import { useMutation } from '@tanstack/react-query';
import { api, download, type ApiBody } from '@/lib/api-client';
import type { LookupResult } from '../types';

/** What the candidate types: the season, exam number (考号) and ID number (身份证号). */
export type LookupBody = ApiBody<'post', '/api/public/enrollment/result-lookups'>;

/**
 * The candidate's own result and why (no sign-in). The ID number travels only in the POST body and
 * is kept in no cache: the mutation's state lives as long as the page.
 */
export async function lookupResult(body: LookupBody): Promise<LookupResult> {
  return (await api.post('/api/public/enrollment/result-lookups', { body, redirectOn401: false })).result;
}

export function useLookupResult() {
  return useMutation({ mutationFn: lookupResult });
}

/** Saves the candidate's admission notice PDF after the same check as the look-up. */
export function downloadPublicNotice(body: LookupBody): Promise<void> {
  return download(
    'post',
    '/api/public/enrollment/admission-notices',
    { body },
    `录取通知书-${body.examNumber}.pdf`,
  );
}
