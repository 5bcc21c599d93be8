import { api, type ApiBody } from '@/lib/api-client';
import { useConsultationMutation } from './use-consultation-mutation';

export type ModerationInput = ApiBody<'post', '/api/consultation-comments/{id}/moderation'>;

/** Publishes a pending comment, or rejects it with a reason that is kept and never shown. */
export async function moderateComment({
  commentId,
  action,
  reason,
}: ModerationInput & { commentId: string }) {
  return api.post('/api/consultation-comments/{id}/moderation', {
    path: { id: commentId },
    body: { action, ...(reason ? { reason } : {}) },
  });
}

export function useModerateComment() {
  return useConsultationMutation(moderateComment);
}
