import { api } from '@/lib/api-client';
import { useTeacherMutation } from './mutate';

/** `POST /api/dq-applications/{id}/withdrawal`: withdraws an application the school has not passed. */
export async function withdrawApplication(id: string) {
  return (await api.post('/api/dq-applications/{id}/withdrawal', { path: { id } })).application;
}

export function useWithdrawApplication() {
  return useTeacherMutation(withdrawApplication);
}
