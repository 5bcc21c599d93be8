import { legacyApi } from '@/lib/api-client';
import type { OrderDetail } from '../types';
import { enc } from './keys';
import { useSupervisionMutation } from './mutate';

/** The inspector verifies the answer (复核通过: answered → verified). */
export async function verifyOrder({
  id,
  body,
}: {
  id: string;
  body: { comment: string };
}): Promise<OrderDetail> {
  return (
    await legacyApi<{ order: OrderDetail }>(`/api/supervision/orders/${enc(id)}/verification`, {
      method: 'POST',
      body,
    })
  ).order;
}

export function useVerifyOrder() {
  return useSupervisionMutation(verifyOrder);
}
