import { api } from '@/lib/api-client';
import { useMeetingMutation } from './use-meeting-mutation';

/** Makes the minutes final (纪要印发): the decisions become action items. */
export async function finaliseMinutes({ id, summary }: { id: string; summary: string }) {
  return (await api.post('/api/meetings/{id}/minutes', { path: { id }, body: { summary } })).meeting;
}

export function useFinaliseMinutes() {
  return useMeetingMutation(finaliseMinutes);
}
