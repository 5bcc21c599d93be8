import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/**
 * `GET /api/enterprises`: the district's enterprise register as select options, the value being the
 * enterprise's org unit id (an agreement's or a centre's enterprise, a course's partners).
 */
export async function getEnterpriseOptions() {
  const { items } = await api.get('/api/enterprises', { query: { limit: 500, offset: 0 } });
  return items.map((e) => ({ value: e.id, label: e.name }));
}

/** The options, shared by the cooperation and programs forms (one query key); fetched once `enabled`. */
export function useEnterpriseOptions(enabled = true) {
  return useQuery({ queryKey: queryKeys.enterpriseOptions, enabled, queryFn: getEnterpriseOptions });
}
