import { api, type ApiBody } from '@/lib/api-client';
import { useSupervisionMutation } from './mutate';

/** Approves (the deadline moves) or refuses the pending extension request, with a reason when refusing. */
export async function decideExtension({
  id,
  extensionId,
  body,
}: {
  id: string;
  extensionId: string;
  body: ApiBody<'post', '/api/supervision/orders/{id}/extension-requests/{extensionId}/decision'>;
}) {
  return (
    await api.post('/api/supervision/orders/{id}/extension-requests/{extensionId}/decision', {
      path: { id, extensionId },
      body,
    })
  ).order;
}

export function useDecideExtension() {
  return useSupervisionMutation(decideExtension);
}
