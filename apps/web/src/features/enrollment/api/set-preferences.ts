import { legacyApi } from '@/lib/api-client';
import type { Preferences } from '../types';
import { enc, useEnrollmentMutation } from './keys';

/** Replaces a candidate's ordered choices in one batch while its window is open. */
export async function setPreferences({
  candidateId,
  batchId,
  choices,
}: {
  candidateId: string;
  batchId: string;
  choices: string[];
}): Promise<Preferences> {
  return legacyApi<Preferences>(`/api/enrollment/candidates/${enc(candidateId)}/preferences`, {
    method: 'PUT',
    body: { batchId, choices },
  });
}

export function useSetPreferences() {
  return useEnrollmentMutation(setPreferences);
}
