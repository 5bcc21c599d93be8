import { api, type ApiBody } from '@/lib/api-client';
import type { Preferences } from '../types';
import { useEnrollmentMutation } from './keys';

/** Replaces a candidate's ordered choices in one batch while its window is open. */
export function setPreferences({
  candidateId,
  ...body
}: { candidateId: string } & ApiBody<
  'put',
  '/api/enrollment/candidates/{id}/preferences'
>): Promise<Preferences> {
  return api.put('/api/enrollment/candidates/{id}/preferences', { path: { id: candidateId }, body });
}

export function useSetPreferences() {
  return useEnrollmentMutation(setPreferences);
}
