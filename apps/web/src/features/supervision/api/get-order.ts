import { useQuery } from '@tanstack/react-query';
import { legacyApi } from '@/lib/api-client';
import type { OrderDetail } from '../types';
import { enc, supervisionKeys } from './keys';

/** One order with the unit's answer, evidence files, extension requests and history. */
export async function getOrder(id: string): Promise<OrderDetail> {
  return (await legacyApi<{ order: OrderDetail }>(`/api/supervision/orders/${enc(id)}`)).order;
}

export function useOrder(id: string) {
  return useQuery({ queryKey: supervisionKeys.order(id), queryFn: () => getOrder(id) });
}
