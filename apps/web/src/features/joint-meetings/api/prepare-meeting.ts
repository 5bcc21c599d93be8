import { api } from '@/lib/api-client';
import { useMeetingMutation } from './use-meeting-mutation';

/** Generates (or refreshes) every member unit's status report. */
export async function prepareMeeting(id: string) {
  return (await api.post('/api/meetings/{id}/preparation', { path: { id } })).meeting;
}

export function usePrepareMeeting() {
  return useMeetingMutation(prepareMeeting);
}
