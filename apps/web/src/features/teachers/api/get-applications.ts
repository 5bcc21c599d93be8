import { useQuery } from '@tanstack/react-query';
import { api, type ApiQuery } from '@/lib/api-client';
import { teacherKeys } from './keys';

type ApplicationFilter = Pick<ApiQuery<'get', '/api/dq-applications'>, 'state' | 'teacherId'>;

/** `GET /api/dq-applications`: applications of the schools the user sees (queues filter by state). */
export async function getApplications(filter: ApplicationFilter) {
  return (await api.get('/api/dq-applications', { query: { ...filter, limit: 500 } })).items;
}

export function useApplications(filter: ApplicationFilter) {
  return useQuery({
    queryKey: teacherKeys.applications(filter),
    queryFn: () => getApplications(filter),
  });
}
