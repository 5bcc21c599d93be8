import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { enterpriseKeys } from './keys';

/** `GET /api/enterprises/{id}`: profile, years with the 2 % duty, contacts (masked), abilities. */
export async function getEnterprise(id: string) {
  return (await api.get('/api/enterprises/{id}', { path: { id } })).enterprise;
}

export function useEnterprise(id: string) {
  return useQuery({ queryKey: enterpriseKeys.one(id), queryFn: () => getEnterprise(id) });
}
