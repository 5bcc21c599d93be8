import { useQuery } from '@tanstack/react-query';
import { api, type ApiQuery, type ApiResponse } from '@/lib/api-client';
import { internshipKeys } from './keys';

export type Post = ApiResponse<'get', '/api/internship-posts/{id}'>['post'];
export type PostFilter = Pick<ApiQuery<'get', '/api/internship-posts'>, 'year' | 'state' | 'kind'>;

/** `GET /api/internship-posts`: the posts the user sees. */
export async function getPosts(filter: PostFilter) {
  return (await api.get('/api/internship-posts', { query: { limit: 500, ...filter } })).items;
}

export function usePosts(filter: PostFilter) {
  return useQuery({ queryKey: internshipKeys.posts({ ...filter }), queryFn: () => getPosts(filter) });
}
