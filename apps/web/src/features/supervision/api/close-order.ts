import { api } from '@/lib/api-client';
import { useSupervisionMutation } from './mutate';

/** Closes a verified order (销号); the finding counts as resolved. */
export async function closeOrder(id: string) {
  return (await api.post('/api/supervision/orders/{id}/closure', { path: { id } })).order;
}

export function useCloseOrder() {
  return useSupervisionMutation(closeOrder);
}
