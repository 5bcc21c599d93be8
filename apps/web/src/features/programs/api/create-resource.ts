import { api, type ApiBody } from '@/lib/api-client';
import { useProgramMutation } from './mutate';

export type ResourceInput = ApiBody<'post', '/api/teaching-resources'>;

/** Describes an uploaded file as a resource of the user's school. */
export async function createResource(body: ResourceInput) {
  return (await api.post('/api/teaching-resources', { body })).resource;
}

export function useCreateResource() {
  return useProgramMutation(createResource);
}
