import { legacyApi } from '@/lib/api-client';
import type { OrderDetail } from '../types';
import { enc } from './keys';
import { useSupervisionMutation } from './mutate';

/** The inspector sends the answer back (退回重改) with a reason: answered → returned. */
export async function returnOrder({
  id,
  body,
}: {
  id: string;
  body: { comment: string };
}): Promise<OrderDetail> {
  return (
    await legacyApi<{ order: OrderDetail }>(`/api/supervision/orders/${enc(id)}/return`, {
      method: 'POST',
      body,
    })
  ).order;
}

export function useReturnOrder() {
  return useSupervisionMutation(returnOrder);
}
