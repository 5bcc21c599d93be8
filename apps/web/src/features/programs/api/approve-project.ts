import { api, type ApiBody } from '@/lib/api-client';
import { useProgramMutation } from './mutate';

export type ApprovalInput = ApiBody<'post', '/api/program-projects/{id}/approval'>;

/** Approves (立项) at a level. */
export async function approveProject({ id, body }: { id: string; body: ApprovalInput }) {
  return (await api.post('/api/program-projects/{id}/approval', { path: { id }, body })).project;
}

export function useApproveProject() {
  return useProgramMutation(approveProject);
}
