import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { teacherKeys } from './keys';

/** `GET /api/dq-settings`: the district's settings (part-time teachers in the ratio, per-level criteria). */
export function getDqSettings() {
  return api.get('/api/dq-settings');
}

export function useDqSettings() {
  return useQuery({ queryKey: teacherKeys.settings, queryFn: getDqSettings });
}
