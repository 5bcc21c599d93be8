import { useQuery } from '@tanstack/react-query';
import { api, type ApiQuery } from '@/lib/api-client';
import { teacherKeys } from './keys';

export type TeacherFilter = ApiQuery<'get', '/api/teachers'>;

/** `GET /api/teachers`: the register of the schools the user sees (IDs and phones masked). */
export function getTeachers(filter: TeacherFilter) {
  return api.get('/api/teachers', { query: { limit: 100, ...filter } });
}

export function useTeachers(filter: TeacherFilter) {
  return useQuery({ queryKey: teacherKeys.list({ ...filter }), queryFn: () => getTeachers(filter) });
}
