import { useMutation } from '@tanstack/react-query';
import { legacyApi } from '@/lib/api-client';
import type { LookupResult } from '../types';
import { downloadFile } from './download';

/** What the candidate types: the season, exam number (考号) and ID number (身份证号). */
export interface LookupBody {
  seasonId: string;
  examNumber: string;
  idNumber: string;
}

/**
 * The candidate's own result and why (no sign-in). The ID number travels only in the POST body and
 * is kept in no cache: the mutation's state lives as long as the page.
 */
export async function lookupResult(body: LookupBody): Promise<LookupResult> {
  return (
    await legacyApi<{ result: LookupResult }>('/api/public/enrollment/result-lookups', {
      method: 'POST',
      body,
      redirectOn401: false,
    })
  ).result;
}

export function useLookupResult() {
  return useMutation({ mutationFn: lookupResult });
}

/** Saves the candidate's admission notice PDF after the same check as the look-up. */
export function downloadPublicNotice(body: LookupBody): Promise<void> {
  return downloadFile('/api/public/enrollment/admission-notices', `录取通知书-${body.examNumber}.pdf`, {
    method: 'POST',
    body,
  });
}
