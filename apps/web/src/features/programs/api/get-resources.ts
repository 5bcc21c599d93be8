import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type ApiQuery } from '@/lib/api-client';
import { programKeys } from './keys';

export type ResourceFilter = Omit<ApiQuery<'get', '/api/teaching-resources'>, 'limit'>;

/** `GET /api/teaching-resources`: search (every word must occur) or browse, 20 a page. */
export function getResources(filter: ResourceFilter) {
  return api.get('/api/teaching-resources', { query: { limit: 20, ...filter } });
}

export function useResources(filter: ResourceFilter) {
  return useQuery({
    queryKey: programKeys.resources({ ...filter }),
    queryFn: () => getResources(filter),
    placeholderData: keepPreviousData,
  });
}
