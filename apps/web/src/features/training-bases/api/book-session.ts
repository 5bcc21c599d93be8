import { api, type ApiBody } from '@/lib/api-client';
import { useTrainingBaseMutation } from './mutate';

export type SessionInput = ApiBody<'post', '/api/training-bases/{id}/sessions'>;

/** `POST /api/training-bases/{id}/sessions`: books for the user's unit (409 with every reason). */
export async function bookSession({ baseId, body }: { baseId: string; body: SessionInput }) {
  return (await api.post('/api/training-bases/{id}/sessions', { path: { id: baseId }, body })).base;
}

export const useBookSession = () => useTrainingBaseMutation(bookSession);
