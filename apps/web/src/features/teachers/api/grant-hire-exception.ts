import { api } from '@/lib/api-client';
import { useTeacherMutation } from './mutate';

/** `POST /api/teachers/{id}/hire-exception`: the district accepts a hire that does not comply, with a reason. */
export async function grantHireException({ teacherId, reason }: { teacherId: string; reason: string }) {
  return (await api.post('/api/teachers/{id}/hire-exception', { path: { id: teacherId }, body: { reason } }))
    .hire;
}

export function useGrantHireException() {
  return useTeacherMutation(grantHireException);
}
