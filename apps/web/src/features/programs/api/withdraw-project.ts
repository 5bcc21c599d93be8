import { api } from '@/lib/api-client';
import { useProgramMutation } from './mutate';

/** Withdraws an undecided application. */
export async function withdrawProject(id: string) {
  return (await api.post('/api/program-projects/{id}/withdrawal', { path: { id } })).project;
}

export function useWithdrawProject() {
  return useProgramMutation(withdrawProject);
}
