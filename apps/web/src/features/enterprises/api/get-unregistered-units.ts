import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { enterpriseKeys } from './keys';

/** `GET /api/enterprises/unregistered-units`: the district's enterprise units not yet registered. */
export async function getUnregisteredUnits() {
  return (await api.get('/api/enterprises/unregistered-units')).items;
}

export function useUnregisteredUnits(enabled: boolean) {
  return useQuery({ queryKey: enterpriseKeys.unregistered, queryFn: getUnregisteredUnits, enabled });
}
