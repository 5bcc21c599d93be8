import { api, type ApiBody } from '@/lib/api-client';
import { useProgramMutation } from './mutate';

export type SharingDecision = ApiBody<'post', '/api/teaching-resources/{id}/sharing-decision'>;

/** Shares a resource district-wide, or refuses with a reason. */
export async function decideSharing({ id, body }: { id: string; body: SharingDecision }) {
  return (await api.post('/api/teaching-resources/{id}/sharing-decision', { path: { id }, body })).resource;
}

export function useDecideSharing() {
  return useProgramMutation(decideSharing);
}
