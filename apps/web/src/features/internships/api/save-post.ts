import { api, type ApiBody } from '@/lib/api-client';
import { useInternshipMutation } from './mutate';

export type PostInput = ApiBody<'post', '/api/internship-posts'>;

/** Writes a new post (draft, or published) or edits a draft (`id`). */
export async function savePost({ id, body }: { id?: string; body: PostInput }) {
  if (!id) return (await api.post('/api/internship-posts', { body })).post;
  const { publish: _publish, ...edit } = body;
  return (await api.put('/api/internship-posts/{id}', { path: { id }, body: edit })).post;
}

export function useSavePost() {
  return useInternshipMutation(savePost);
}
