import { api } from '@/lib/api-client';
import type { NewTeacher } from '../types';
import { useTeacherMutation } from './mutate';

/** `POST /api/teachers`: adds a teacher to a school's register. */
export async function createTeacher(body: NewTeacher) {
  return (await api.post('/api/teachers', { body })).teacher;
}

export function useCreateTeacher() {
  return useTeacherMutation(createTeacher);
}
