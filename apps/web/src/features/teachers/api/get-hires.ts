import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { teacherKeys } from './keys';

/** `GET /api/teacher-hires`: 2020+ 专业课 hires checked against the recruitment rule. */
export function getHires() {
  return api.get('/api/teacher-hires');
}

export function useHires() {
  return useQuery({ queryKey: teacherKeys.hires, queryFn: getHires });
}
