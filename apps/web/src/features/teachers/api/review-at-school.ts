import { api, type ApiBody } from '@/lib/api-client';
import { useTeacherMutation } from './mutate';

export type SchoolReview = ApiBody<'post', '/api/dq-applications/{id}/school-review'>;

/** `POST /api/dq-applications/{id}/school-review`: the school passes it on, or returns it with a comment. */
export async function reviewAtSchool({ id, body }: { id: string; body: SchoolReview }) {
  return (await api.post('/api/dq-applications/{id}/school-review', { path: { id }, body })).application;
}

export function useReviewAtSchool() {
  return useTeacherMutation(reviewAtSchool);
}
