import { legacyApi } from '@/lib/api-client';
import type { OrderDetail } from '../types';
import { enc } from './keys';
import { useSupervisionMutation } from './mutate';

/** Closes a verified order (销号); the finding counts as resolved. */
export async function closeOrder(id: string): Promise<OrderDetail> {
  return (
    await legacyApi<{ order: OrderDetail }>(`/api/supervision/orders/${enc(id)}/closure`, { method: 'POST' })
  ).order;
}

export function useCloseOrder() {
  return useSupervisionMutation(closeOrder);
}
