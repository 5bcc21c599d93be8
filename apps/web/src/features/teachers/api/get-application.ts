import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { teacherKeys } from './keys';

/** `GET /api/dq-applications/{id}`: one application with evidence, history and the criteria met / not met. */
export async function getApplication(id: string) {
  return (await api.get('/api/dq-applications/{id}', { path: { id } })).application;
}

export function useApplication(id: string | undefined) {
  return useQuery({
    queryKey: teacherKeys.application(id ?? ''),
    queryFn: () => getApplication(id!),
    enabled: Boolean(id),
  });
}
