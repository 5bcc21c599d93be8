import { api, type ApiBody } from '@/lib/api-client';
import { useSupervisionMutation } from './mutate';

/** The responsible unit asks for a later deadline (申请延期) with a reason. */
export async function requestExtension({
  id,
  body,
}: {
  id: string;
  body: ApiBody<'post', '/api/supervision/orders/{id}/extension-requests'>;
}) {
  return (await api.post('/api/supervision/orders/{id}/extension-requests', { path: { id }, body })).order;
}

export function useRequestExtension() {
  return useSupervisionMutation(requestExtension);
}
