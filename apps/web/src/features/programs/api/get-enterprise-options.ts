import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { programKeys } from './keys';

/**
 * `GET /api/enterprises`: the district's enterprise register as select options (a course's partner
 * enterprises, 共同开发课程), the value being the enterprise's org unit id.
 */
export async function getEnterpriseOptions() {
  const { items } = await api.get('/api/enterprises', { query: { limit: 500, offset: 0 } });
  return items.map((e) => ({ value: e.id, label: e.name }));
}

export function useEnterpriseOptions(enabled = true) {
  return useQuery({ queryKey: programKeys.enterprises, enabled, queryFn: getEnterpriseOptions });
}
