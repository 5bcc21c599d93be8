import { legacyApi } from '@/lib/api-client';
import type { OrderDetail } from '../types';
import { enc } from './keys';
import { useSupervisionMutation } from './mutate';

export interface IssueOrderBody {
  title?: string;
  requirements: string;
  dueDate: string;
}

/** Issues the rectification order (整改通知书) of a finding with a deadline (限期整改). */
export async function issueOrder({
  findingId,
  body,
}: {
  findingId: string;
  body: IssueOrderBody;
}): Promise<OrderDetail> {
  return (
    await legacyApi<{ order: OrderDetail }>(`/api/supervision/findings/${enc(findingId)}/order`, {
      method: 'POST',
      body,
    })
  ).order;
}

export function useIssueOrder() {
  return useSupervisionMutation(issueOrder);
}
