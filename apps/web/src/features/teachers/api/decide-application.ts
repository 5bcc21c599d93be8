import { api, type ApiBody } from '@/lib/api-client';
import { useTeacherMutation } from './mutate';

export type Decision = ApiBody<'post', '/api/dq-applications/{id}/decision'>;

/** `POST /api/dq-applications/{id}/decision`: the district approves (recording the recognition) or refuses. */
export async function decideApplication({ id, body }: { id: string; body: Decision }) {
  return (await api.post('/api/dq-applications/{id}/decision', { path: { id }, body })).application;
}

export function useDecideApplication() {
  return useTeacherMutation(decideApplication);
}
