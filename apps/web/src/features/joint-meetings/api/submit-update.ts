import { api, type ApiBody } from '@/lib/api-client';
import { useActionItemMutation } from './use-meeting-mutation';

export type UpdateInput = ApiBody<'post', '/api/action-items/{id}/updates'>;

/** The responsible unit reports progress (落实情况) with evidence; `complete` asks for 销号. */
export async function submitUpdate({ id, body }: { id: string; body: UpdateInput }) {
  return (await api.post('/api/action-items/{id}/updates', { path: { id }, body })).actionItem;
}

export function useSubmitUpdate() {
  return useActionItemMutation(submitUpdate);
}
