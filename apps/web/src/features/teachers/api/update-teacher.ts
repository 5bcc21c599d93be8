import { api } from '@/lib/api-client';
import type { TeacherChange } from '../types';
import { useTeacherMutation } from './mutate';

/** `PUT /api/teachers/{id}`: changes a teacher (every list replaced as a whole). */
export async function updateTeacher({ id, body }: { id: string; body: TeacherChange }) {
  return (await api.put('/api/teachers/{id}', { path: { id }, body })).teacher;
}

export function useUpdateTeacher() {
  return useTeacherMutation(updateTeacher);
}
