import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type ApiQuery } from '@/lib/api-client';
import { enterpriseKeys } from './keys';

export type DutyTableQuery = ApiQuery<'get', '/api/internships/duty'>;

/**
 * `GET /api/internships/duty`: the 2 % table for a year — a district's enterprises a page at a
 * time (short first), or, for a user above districts, one row per district.
 */
export function getDutyTable(query: DutyTableQuery) {
  return api.get('/api/internships/duty', { query });
}

export type DutyTable = Awaited<ReturnType<typeof getDutyTable>>;

export function useDutyTable(query: DutyTableQuery) {
  return useQuery({
    queryKey: enterpriseKeys.dutyTable({ ...query }),
    queryFn: () => getDutyTable(query),
    placeholderData: keepPreviousData,
  });
}
