import type { EnrollmentRegistrationStatus } from '@zhijiao/contracts';
import { legacyApi } from '@/lib/api-client';
import type { Admission } from '../types';
import { enc, useEnrollmentMutation } from './keys';

/** Records 报到: the candidate enrolled, or did not (with a reason). */
export async function recordRegistration({
  candidateId,
  status,
  reason,
}: {
  candidateId: string;
  status: EnrollmentRegistrationStatus;
  reason?: string;
}): Promise<Admission> {
  return (
    await legacyApi<{ admission: Admission }>(`/api/enrollment/candidates/${enc(candidateId)}/registration`, {
      method: 'PUT',
      body: reason === undefined ? { status } : { status, reason },
    })
  ).admission;
}

export function useRecordRegistration() {
  return useEnrollmentMutation(recordRegistration);
}
