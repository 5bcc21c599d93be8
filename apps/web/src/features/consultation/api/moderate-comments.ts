import { api, type ApiBody } from '@/lib/api-client';
import { useConsultationMutation } from './use-consultation-mutation';

export type BatchModerationInput = ApiBody<'post', '/api/consultations/{id}/comment-moderation'>;

/**
 * Publishes or rejects several pending comments of a consultation at once; all or nothing (a
 * refused batch changes nothing and names each comment it refused).
 */
export async function moderateComments({
  consultationId,
  commentIds,
  action,
  reason,
}: BatchModerationInput & { consultationId: string }) {
  return api.post('/api/consultations/{id}/comment-moderation', {
    path: { id: consultationId },
    body: { commentIds, action, ...(reason ? { reason } : {}) },
  });
}

export function useModerateComments() {
  return useConsultationMutation(moderateComments);
}
