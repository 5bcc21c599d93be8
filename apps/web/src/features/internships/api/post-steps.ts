import { api } from '@/lib/api-client';
import { useInternshipMutation } from './mutate';

/** Publishes a draft post (409 with every rule it breaks). */
export async function publishPost(id: string) {
  return (await api.post('/api/internship-posts/{id}/publication', { path: { id } })).post;
}

/** Closes a published post. */
export async function closePost(id: string) {
  return (await api.post('/api/internship-posts/{id}/closure', { path: { id } })).post;
}

export const usePublishPost = () => useInternshipMutation(publishPost);
export const useClosePost = () => useInternshipMutation(closePost);
