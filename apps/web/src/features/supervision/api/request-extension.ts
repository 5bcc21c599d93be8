import { legacyApi } from '@/lib/api-client';
import type { OrderDetail } from '../types';
import { enc } from './keys';
import { useSupervisionMutation } from './mutate';

/** The responsible unit asks for a later deadline (申请延期) with a reason. */
export async function requestExtension({
  id,
  body,
}: {
  id: string;
  body: { dueDate: string; reason: string };
}): Promise<OrderDetail> {
  return (
    await legacyApi<{ order: OrderDetail }>(`/api/supervision/orders/${enc(id)}/extension-requests`, {
      method: 'POST',
      body,
    })
  ).order;
}

export function useRequestExtension() {
  return useSupervisionMutation(requestExtension);
}
