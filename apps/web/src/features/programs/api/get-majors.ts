import { useQuery } from '@tanstack/react-query';
import { api, type ApiQuery } from '@/lib/api-client';
import { programKeys } from './keys';

export type MajorFilter = ApiQuery<'get', '/api/majors'>;

/** `GET /api/majors`: majors of the schools the user sees. */
export async function getMajors(filter: MajorFilter) {
  return (await api.get('/api/majors', { query: filter })).items;
}

export function useMajors(filter: MajorFilter = {}) {
  return useQuery({ queryKey: programKeys.majors(filter), queryFn: () => getMajors(filter) });
}
