import { api } from '@/lib/api-client';
import { useProgramMutation } from './mutate';

/** Applies (申报). */
export async function submitProject(id: string) {
  return (await api.post('/api/program-projects/{id}/submission', { path: { id } })).project;
}

export function useSubmitProject() {
  return useProgramMutation(submitProject);
}
