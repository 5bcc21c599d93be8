import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { programKeys } from './keys';

/** `GET /api/program-projects/{id}`: one project with files, reviews and history. */
export async function getProject(id: string) {
  return (await api.get('/api/program-projects/{id}', { path: { id } })).project;
}

export function useProject(id: string | null) {
  return useQuery({
    queryKey: programKeys.project(id ?? ''),
    enabled: !!id,
    queryFn: () => getProject(id!),
  });
}
