import { api, type ApiBody } from '@/lib/api-client';
import { useConsultationMutation } from './use-consultation-mutation';

export type ReplyInput = ApiBody<'put', '/api/consultation-comments/{id}/reply'>;

/** Answers a published comment with an adoption decision (a reason unless adopted). */
export async function replyToComment({
  commentId,
  reply,
  decision,
  reason,
}: ReplyInput & { commentId: string }) {
  return api.put('/api/consultation-comments/{id}/reply', {
    path: { id: commentId },
    body: { reply, decision, ...(reason ? { reason } : {}) },
  });
}

export function useReplyToComment() {
  return useConsultationMutation(replyToComment);
}
