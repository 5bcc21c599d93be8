import { api, type ApiBody } from '@/lib/api-client';
import { useProgramMutation } from './mutate';

export type CheckInput = ApiBody<'post', '/api/program-projects/{id}/midterm'>;

/** Records the mid-term check (中期检查): passed or failed, with an opinion. */
export async function recordMidterm({ id, body }: { id: string; body: CheckInput }) {
  return (await api.post('/api/program-projects/{id}/midterm', { path: { id }, body })).project;
}

export function useRecordMidterm() {
  return useProgramMutation(recordMidterm);
}
