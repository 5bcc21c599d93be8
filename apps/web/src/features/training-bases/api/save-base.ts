import { api, type ApiBody } from '@/lib/api-client';
import { useTrainingBaseMutation } from './mutate';

export type BaseInput = ApiBody<'post', '/api/training-bases'>;

/** `POST /api/training-bases` (new) or `PUT /api/training-bases/{id}` (edit). */
export async function saveBase({ id, body }: { id?: string; body: BaseInput }) {
  if (id) return (await api.put('/api/training-bases/{id}', { path: { id }, body })).base;
  return (await api.post('/api/training-bases', { body })).base;
}

export const useSaveBase = () => useTrainingBaseMutation(saveBase);
