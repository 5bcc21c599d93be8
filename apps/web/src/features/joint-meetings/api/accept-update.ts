import { api } from '@/lib/api-client';
import { useActionItemMutation } from './use-meeting-mutation';

/** Accepts the pending update; when it reports completion the item is completed (销号). */
export async function acceptUpdate(id: string) {
  return (await api.post('/api/action-items/{id}/acceptance', { path: { id } })).actionItem;
}

export function useAcceptUpdate() {
  return useActionItemMutation(acceptUpdate);
}
