import { api, type ApiBody } from '@/lib/api-client';
import { useEnrollmentMutation } from './keys';

/** Confirms 报到 of several admitted candidates at once; all or nothing. */
export async function confirmRegistrations(body: ApiBody<'post', '/api/enrollment/registrations'>) {
  return api.post('/api/enrollment/registrations', { body });
}

export function useConfirmRegistrations() {
  return useEnrollmentMutation(confirmRegistrations);
}
