import { api, type ApiBody } from '@/lib/api-client';
import { useProgramMutation } from './mutate';

export type CourseInput = ApiBody<'post', '/api/courses'>;

/** Adds a course at the user's school. */
export async function addCourse(body: CourseInput) {
  return (await api.post('/api/courses', { body })).course;
}

export function useAddCourse() {
  return useProgramMutation(addCourse);
}
