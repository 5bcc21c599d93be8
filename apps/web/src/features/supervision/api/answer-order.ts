import { api, type ApiBody } from '@/lib/api-client';
import { useSupervisionMutation } from './mutate';

/** The responsible unit answers with its measures (整改措施) and evidence files (佐证材料). */
export async function answerOrder({
  id,
  body,
}: {
  id: string;
  body: ApiBody<'post', '/api/supervision/orders/{id}/answer'>;
}) {
  return (await api.post('/api/supervision/orders/{id}/answer', { path: { id }, body })).order;
}

export function useAnswerOrder() {
  return useSupervisionMutation(answerOrder);
}
