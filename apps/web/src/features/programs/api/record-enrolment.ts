import { api, type ApiBody } from '@/lib/api-client';
import { useProgramMutation } from './mutate';

export type EnrolmentInput = ApiBody<'post', '/api/majors/{id}/enrolment'>;

/** Records (or corrects) one year's intake and enrolment of a major. */
export async function recordEnrolment({ id, body }: { id: string; body: EnrolmentInput }) {
  return (await api.post('/api/majors/{id}/enrolment', { path: { id }, body })).major;
}

export function useRecordEnrolment() {
  return useProgramMutation(recordEnrolment);
}
