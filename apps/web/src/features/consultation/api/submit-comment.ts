import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type ApiBody } from '@/lib/api-client';
import { solveProofOfWork } from '../lib/proof-of-work';
import { consultationKeys } from './keys';

/** What the comment form holds (the challenge is fetched and solved on submit). */
export type CommentDraft = Omit<ApiBody<'post', '/api/public/consultations/{id}/comments'>, 'challenge'>;

/**
 * Submits a comment: fetches a challenge, solves the proof of work (`onVerifying` marks that
 * phase for the "正在验证…" state), then posts the comment with the solution.
 */
export async function submitComment(id: string, draft: CommentDraft, onVerifying: (busy: boolean) => void) {
  onVerifying(true);
  let challenge: { token: string; counter: number };
  try {
    const c = await api.get('/api/public/consultations/{id}/challenge', {
      path: { id },
      redirectOn401: false,
    });
    challenge = { token: c.token, counter: await solveProofOfWork(c.nonce, c.difficulty) };
  } finally {
    onVerifying(false);
  }
  return api.post('/api/public/consultations/{id}/comments', {
    path: { id },
    redirectOn401: false,
    body: {
      clauseKey: draft.clauseKey,
      body: draft.body,
      authorName: draft.authorName?.trim() || null,
      contact: draft.contact?.trim() || null,
      website: draft.website ?? '',
      challenge,
    },
  });
}

export function useSubmitComment(id: string, onVerifying: (busy: boolean) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (draft: CommentDraft) => submitComment(id, draft, onVerifying),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: consultationKeys.publicOne(id) }),
  });
}
