import { api } from '@/lib/api-client';
import { useProgramMutation } from './mutate';

/** Removes a textbook; answers its course. */
export async function removeTextbook(id: string) {
  return (await api.delete('/api/textbooks/{id}', { path: { id } })).course;
}

export function useRemoveTextbook() {
  return useProgramMutation(removeTextbook);
}
