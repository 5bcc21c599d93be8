import { api } from '@/lib/api-client';
import type { ApplicationContent } from '../types';
import { useTeacherMutation } from './mutate';

/** `POST /api/dq-applications/{id}/resubmission`: edits and resubmits a returned application. */
export async function resubmitApplication({ id, body }: { id: string; body: ApplicationContent }) {
  return (await api.post('/api/dq-applications/{id}/resubmission', { path: { id }, body })).application;
}

export function useResubmitApplication() {
  return useTeacherMutation(resubmitApplication);
}
