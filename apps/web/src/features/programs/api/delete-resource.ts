import { api } from '@/lib/api-client';
import { useProgramMutation } from './mutate';

/** Deletes a resource. */
export async function deleteResource(id: string): Promise<void> {
  await api.delete('/api/teaching-resources/{id}', { path: { id } });
}

export function useDeleteResource() {
  return useProgramMutation(deleteResource);
}
