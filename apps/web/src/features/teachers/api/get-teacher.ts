import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { teacherKeys } from './keys';

/** `GET /api/teachers/{id}`: one teacher with every part, recognitions and the recruitment check. */
export async function getTeacher(id: string) {
  return (await api.get('/api/teachers/{id}', { path: { id } })).teacher;
}

export function useTeacher(id: string) {
  return useQuery({ queryKey: teacherKeys.one(id), queryFn: () => getTeacher(id) });
}
