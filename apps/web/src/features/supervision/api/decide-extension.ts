import { legacyApi } from '@/lib/api-client';
import type { OrderDetail } from '../types';
import { enc } from './keys';
import { useSupervisionMutation } from './mutate';

/** Approves (the deadline moves) or refuses the pending extension request, with a reason when refusing. */
export async function decideExtension({
  id,
  extensionId,
  body,
}: {
  id: string;
  extensionId: string;
  body: { approve: boolean; reason: string };
}): Promise<OrderDetail> {
  return (
    await legacyApi<{ order: OrderDetail }>(
      `/api/supervision/orders/${enc(id)}/extension-requests/${enc(extensionId)}/decision`,
      { method: 'POST', body },
    )
  ).order;
}

export function useDecideExtension() {
  return useSupervisionMutation(decideExtension);
}
