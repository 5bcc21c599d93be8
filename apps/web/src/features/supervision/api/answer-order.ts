import { legacyApi } from '@/lib/api-client';
import type { OrderDetail } from '../types';
import { enc } from './keys';
import { useSupervisionMutation } from './mutate';

/** The responsible unit answers with its measures (整改措施) and evidence files (佐证材料). */
export async function answerOrder({
  id,
  body,
}: {
  id: string;
  body: { measures: string; fileIds: string[] };
}): Promise<OrderDetail> {
  return (
    await legacyApi<{ order: OrderDetail }>(`/api/supervision/orders/${enc(id)}/answer`, {
      method: 'POST',
      body,
    })
  ).order;
}

export function useAnswerOrder() {
  return useSupervisionMutation(answerOrder);
}
