import { api, type ApiBody } from '@/lib/api-client';
import { useTeacherMutation } from './mutate';

/** `PUT /api/dq-settings`: records the district's settings (criteria null = the defaults). */
export function updateDqSettings(body: ApiBody<'put', '/api/dq-settings'>) {
  return api.put('/api/dq-settings', { body });
}

export function useUpdateDqSettings() {
  return useTeacherMutation(updateDqSettings);
}
