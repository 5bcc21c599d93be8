import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { meetingKeys } from './keys';

/** One meeting as the user may see it (a member unit: its own status report and action items). */
export async function getMeeting(id: string) {
  return (await api.get('/api/meetings/{id}', { path: { id } })).meeting;
}

export function useMeeting(id: string) {
  return useQuery({ queryKey: meetingKeys.one(id), queryFn: () => getMeeting(id) });
}
