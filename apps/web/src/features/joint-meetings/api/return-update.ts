import { api } from '@/lib/api-client';
import { useActionItemMutation } from './use-meeting-mutation';

/** Returns the pending update with a comment (退回). */
export async function returnUpdate({ id, comment }: { id: string; comment: string }) {
  return (await api.post('/api/action-items/{id}/return', { path: { id }, body: { comment } })).actionItem;
}

export function useReturnUpdate() {
  return useActionItemMutation(returnUpdate);
}
