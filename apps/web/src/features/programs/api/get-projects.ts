import { useQuery } from '@tanstack/react-query';
import { api, type ApiQuery } from '@/lib/api-client';
import { programKeys } from './keys';

export type ProjectFilter = Pick<ApiQuery<'get', '/api/program-projects'>, 'kind' | 'level' | 'state'>;

/** `GET /api/program-projects`: projects of the schools the user sees, newest first. */
export async function getProjects(filter: ProjectFilter) {
  return (await api.get('/api/program-projects', { query: { limit: 500, ...filter } })).items;
}

export function useProjects(filter: ProjectFilter) {
  return useQuery({ queryKey: programKeys.projects({ ...filter }), queryFn: () => getProjects(filter) });
}
