import { useQuery } from '@tanstack/react-query';
import { api, type ApiQuery } from '@/lib/api-client';
import { supervisionKeys } from './keys';

export type OrderFilter = Omit<ApiQuery<'get', '/api/supervision/orders'>, 'limit' | 'offset'>;

/** Orders the actor sees (a unit: its own), by deadline. */
export async function getOrders(filter: OrderFilter) {
  return (await api.get('/api/supervision/orders', { query: { ...filter, limit: 500 } })).items;
}

export function useOrders(filter: OrderFilter) {
  return useQuery({ queryKey: supervisionKeys.orders({ ...filter }), queryFn: () => getOrders(filter) });
}
