import { api, type ApiBody } from '@/lib/api-client';
import { useProgramMutation } from './mutate';

export type ProjectInput = ApiBody<'post', '/api/program-projects'>;

/** Writes an application (a draft, or applied at once). */
export async function createProject(body: ProjectInput) {
  return (await api.post('/api/program-projects', { body })).project;
}

export function useCreateProject() {
  return useProgramMutation(createProject);
}
