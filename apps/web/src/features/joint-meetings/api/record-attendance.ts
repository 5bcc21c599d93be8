import { api, type ApiBody } from '@/lib/api-client';
import { useMeetingMutation } from './use-meeting-mutation';

export type AttendanceInput = ApiBody<'post', '/api/meetings/{id}/attendance'>;

/** Records who attended for each member unit; the meeting is then held. */
export async function recordAttendance({ id, body }: { id: string; body: AttendanceInput }) {
  return (await api.post('/api/meetings/{id}/attendance', { path: { id }, body })).meeting;
}

export function useRecordAttendance() {
  return useMeetingMutation(recordAttendance);
}
