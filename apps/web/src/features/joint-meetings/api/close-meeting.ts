import { api } from '@/lib/api-client';
import { useMeetingMutation } from './use-meeting-mutation';

/** Closes the meeting (办结) once every action item is completed. */
export async function closeMeeting(id: string) {
  return (await api.post('/api/meetings/{id}/closure', { path: { id } })).meeting;
}

export function useCloseMeeting() {
  return useMeetingMutation(closeMeeting);
}
