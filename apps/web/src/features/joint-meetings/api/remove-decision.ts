import { api } from '@/lib/api-client';
import { useMeetingMutation } from './use-meeting-mutation';

/** Removes a decision while the minutes are still a draft. */
export async function removeDecision({ id, itemId }: { id: string; itemId: string }) {
  return (await api.delete('/api/meetings/{id}/decisions/{itemId}', { path: { id, itemId } })).meeting;
}

export function useRemoveDecision() {
  return useMeetingMutation(removeDecision);
}
