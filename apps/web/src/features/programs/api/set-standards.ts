import { api, type ApiBody } from '@/lib/api-client';
import { useProgramMutation } from './mutate';

export type StandardsInput = ApiBody<'put', '/api/majors/{id}/standards'>;

/** Replaces the national standards a major applies. */
export async function setStandards({ id, body }: { id: string; body: StandardsInput }) {
  return (await api.put('/api/majors/{id}/standards', { path: { id }, body })).major;
}

export function useSetStandards() {
  return useProgramMutation(setStandards);
}
