import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { teacherKeys } from './keys';

/** `GET /api/dq-ratio`: the ratio per school at a date (default today), within what the user sees. */
export function getRatio(date: string | undefined) {
  return api.get('/api/dq-ratio', { query: { date } });
}

export function useRatio(date: string | undefined) {
  return useQuery({ queryKey: teacherKeys.ratio(date), queryFn: () => getRatio(date) });
}
