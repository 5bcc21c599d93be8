import { api, type ApiBody } from '@/lib/api-client';
import type { Admission } from '../types';
import { useEnrollmentMutation } from './keys';

/** Records 报到: the candidate enrolled, or did not (with a reason). */
export async function recordRegistration({
  candidateId,
  ...body
}: { candidateId: string } & ApiBody<
  'put',
  '/api/enrollment/candidates/{id}/registration'
>): Promise<Admission> {
  return (await api.put('/api/enrollment/candidates/{id}/registration', { path: { id: candidateId }, body }))
    .admission;
}

export function useRecordRegistration() {
  return useEnrollmentMutation(recordRegistration);
}
