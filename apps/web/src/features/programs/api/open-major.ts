import { api, type ApiBody } from '@/lib/api-client';
import { useProgramMutation } from './mutate';

export type OpenMajorInput = ApiBody<'post', '/api/majors'>;

/** Opens a major at the user's school (a catalogue entry, optionally with a direction). */
export async function openMajor(body: OpenMajorInput) {
  return (await api.post('/api/majors', { body })).major;
}

export function useOpenMajor() {
  return useProgramMutation(openMajor);
}
