import { api, type ApiBody } from '@/lib/api-client';
import { useSupervisionMutation } from './mutate';

/** The inspector verifies the answer (复核通过: answered → verified). */
export async function verifyOrder({
  id,
  body,
}: {
  id: string;
  body: ApiBody<'post', '/api/supervision/orders/{id}/verification'>;
}) {
  return (await api.post('/api/supervision/orders/{id}/verification', { path: { id }, body })).order;
}

export function useVerifyOrder() {
  return useSupervisionMutation(verifyOrder);
}
