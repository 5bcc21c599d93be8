import { api, type ApiBody } from '@/lib/api-client';
import { useProgramMutation } from './mutate';

export type AcceptanceInput = ApiBody<'post', '/api/program-projects/{id}/acceptance'>;

/** Records the acceptance (验收): accepted or failed, with an opinion. */
export async function recordAcceptance({ id, body }: { id: string; body: AcceptanceInput }) {
  return (await api.post('/api/program-projects/{id}/acceptance', { path: { id }, body })).project;
}

export function useRecordAcceptance() {
  return useProgramMutation(recordAcceptance);
}
