import { api } from '@/lib/api-client';
import { useTrainingBaseMutation } from './mutate';

/** `POST /api/training-sessions/{id}/cancellation`. */
export async function cancelSession(id: string) {
  return (await api.post('/api/training-sessions/{id}/cancellation', { path: { id } })).base;
}

export const useCancelSession = () => useTrainingBaseMutation(cancelSession);
