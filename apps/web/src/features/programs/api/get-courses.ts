import { useQuery } from '@tanstack/react-query';
import { api, type ApiQuery } from '@/lib/api-client';
import { programKeys } from './keys';

export type CourseFilter = ApiQuery<'get', '/api/courses'>;

/** `GET /api/courses`: courses of the schools the user sees, with their textbooks. */
export async function getCourses(filter: CourseFilter) {
  return (await api.get('/api/courses', { query: filter })).items;
}

export function useCourses(filter: CourseFilter = {}) {
  return useQuery({ queryKey: programKeys.courses(filter), queryFn: () => getCourses(filter) });
}
