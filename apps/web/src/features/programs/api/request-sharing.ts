import { api } from '@/lib/api-client';
import { useProgramMutation } from './mutate';

/** Asks the district to share a resource district-wide. */
export async function requestSharing(id: string) {
  return (await api.post('/api/teaching-resources/{id}/sharing-request', { path: { id } })).resource;
}

export function useRequestSharing() {
  return useProgramMutation(requestSharing);
}
