import { api, type ApiBody } from '@/lib/api-client';
import { useProgramMutation } from './mutate';

export type RejectionInput = ApiBody<'post', '/api/program-projects/{id}/rejection'>;

/** Does not approve (不予立项), with the reason. */
export async function rejectProject({ id, body }: { id: string; body: RejectionInput }) {
  return (await api.post('/api/program-projects/{id}/rejection', { path: { id }, body })).project;
}

export function useRejectProject() {
  return useProgramMutation(rejectProject);
}
