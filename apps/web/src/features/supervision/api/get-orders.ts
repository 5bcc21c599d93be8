import type { OrderState } from '@zhijiao/contracts';
import { useQuery } from '@tanstack/react-query';
import { legacyApi } from '@/lib/api-client';
import type { Items } from '@/lib/api-types';
import type { OrderSummary } from '../types';
import { supervisionKeys } from './keys';

export interface OrderFilter {
  state?: OrderState;
  inspectionId?: string;
  orgUnitId?: string;
  overdue?: boolean;
  dueSoon?: boolean;
}

/** Orders the actor sees (a unit: its own), by deadline. */
export async function getOrders(filter: OrderFilter): Promise<OrderSummary[]> {
  return (
    await legacyApi<Items<OrderSummary>>('/api/supervision/orders', { query: { ...filter, limit: 500 } })
  ).items;
}

export function useOrders(filter: OrderFilter) {
  return useQuery({ queryKey: supervisionKeys.orders({ ...filter }), queryFn: () => getOrders(filter) });
}
