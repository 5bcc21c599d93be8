import { api, type ApiBody } from '@/lib/api-client';
import { useProgramMutation } from './mutate';

export type TextbookInput = ApiBody<'post', '/api/courses/{id}/textbooks'>;

/** Adds a textbook to a course; answers the course. */
export async function addTextbook({ courseId, body }: { courseId: string; body: TextbookInput }) {
  return (await api.post('/api/courses/{id}/textbooks', { path: { id: courseId }, body })).course;
}

export function useAddTextbook() {
  return useProgramMutation(addTextbook);
}
