import { api, type ApiBody } from '@/lib/api-client';
import { useSupervisionMutation } from './mutate';

/** Issues the rectification order (整改通知书) of a finding with a deadline (限期整改). */
export async function issueOrder({
  findingId,
  body,
}: {
  findingId: string;
  body: ApiBody<'post', '/api/supervision/findings/{id}/order'>;
}) {
  return (await api.post('/api/supervision/findings/{id}/order', { path: { id: findingId }, body })).order;
}

export function useIssueOrder() {
  return useSupervisionMutation(issueOrder);
}
