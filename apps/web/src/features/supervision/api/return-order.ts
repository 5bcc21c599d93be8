import { api, type ApiBody } from '@/lib/api-client';
import { useSupervisionMutation } from './mutate';

/** The inspector sends the answer back (退回重改) with a reason: answered → returned. */
export async function returnOrder({
  id,
  body,
}: {
  id: string;
  body: ApiBody<'post', '/api/supervision/orders/{id}/return'>;
}) {
  return (await api.post('/api/supervision/orders/{id}/return', { path: { id }, body })).order;
}

export function useReturnOrder() {
  return useSupervisionMutation(returnOrder);
}
