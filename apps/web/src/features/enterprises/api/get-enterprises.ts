import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type ApiQuery } from '@/lib/api-client';
import { enterpriseKeys } from './keys';

export type EnterpriseFilter = ApiQuery<'get', '/api/enterprises'>;

/** `GET /api/enterprises`: one page of the register the user sees, for one year. */
export function getEnterprises(filter: EnterpriseFilter) {
  return api.get('/api/enterprises', { query: filter });
}

export function useEnterprises(filter: EnterpriseFilter) {
  return useQuery({
    queryKey: enterpriseKeys.list({ ...filter }),
    queryFn: () => getEnterprises(filter),
    placeholderData: keepPreviousData,
  });
}
