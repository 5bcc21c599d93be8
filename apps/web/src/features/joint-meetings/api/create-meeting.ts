import { api, type ApiBody } from '@/lib/api-client';
import { useMeetingMutation } from './use-meeting-mutation';

export type MeetingInput = ApiBody<'post', '/api/meetings'>;

/** Convenes a meeting (筹备中) with its member units and agenda. */
export async function createMeeting(body: MeetingInput) {
  return (await api.post('/api/meetings', { body })).meeting;
}

export function useCreateMeeting() {
  return useMeetingMutation(createMeeting);
}
