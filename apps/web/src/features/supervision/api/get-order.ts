import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { supervisionKeys } from './keys';

/** One order with the unit's answer, evidence files, extension requests and history. */
export async function getOrder(id: string) {
  return (await api.get('/api/supervision/orders/{id}', { path: { id } })).order;
}

export function useOrder(id: string) {
  return useQuery({ queryKey: supervisionKeys.order(id), queryFn: () => getOrder(id) });
}
