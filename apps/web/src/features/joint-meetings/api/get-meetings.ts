import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { meetingKeys } from './keys';

/** Meetings the user may see, newest first. */
export async function getMeetings() {
  return (await api.get('/api/meetings')).items;
}

export function useMeetings() {
  return useQuery({ queryKey: meetingKeys.list, queryFn: getMeetings });
}
