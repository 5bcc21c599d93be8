import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { internshipKeys } from './keys';

/** `GET /api/internship-posts/{id}`: one post with its rule check and abilities. */
export async function getPost(id: string) {
  return (await api.get('/api/internship-posts/{id}', { path: { id } })).post;
}

export function usePost(id: string) {
  return useQuery({ queryKey: internshipKeys.post(id), queryFn: () => getPost(id) });
}
