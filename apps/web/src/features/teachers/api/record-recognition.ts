import { api, type ApiBody } from '@/lib/api-client';
import { useTeacherMutation } from './mutate';

export type RecognitionRecord = ApiBody<'post', '/api/teachers/{id}/recognitions'>;

/** `POST /api/teachers/{id}/recognitions`: a recognition obtained before the system (district). */
export async function recordRecognition({ id, body }: { id: string; body: RecognitionRecord }) {
  return (await api.post('/api/teachers/{id}/recognitions', { path: { id }, body })).recognition;
}

export function useRecordRecognition() {
  return useTeacherMutation(recordRecognition);
}
