import { useQuery } from '@tanstack/react-query';
import { api, type ApiQuery } from '@/lib/api-client';
import { supervisionKeys } from './keys';

export type FindingFilter = Omit<ApiQuery<'get', '/api/supervision/findings'>, 'limit' | 'offset'>;

/** Findings the actor sees (a unit: its own), newest first. */
export async function getFindings(filter: FindingFilter) {
  return (await api.get('/api/supervision/findings', { query: { ...filter, limit: 500 } })).items;
}

export function useFindings(filter: FindingFilter, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: supervisionKeys.findings({ ...filter }),
    queryFn: () => getFindings(filter),
    enabled: options.enabled ?? true,
  });
}
