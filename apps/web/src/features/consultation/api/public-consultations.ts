import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { legacyApi } from '@/lib/api-client';
import { solveProofOfWork } from '../lib/proof-of-work';
import type {
  Challenge,
  PublicConsultationDetail,
  PublicConsultationSummary,
  SummaryDocument,
} from './types';

const keys = {
  list: ['public-consultations'] as const,
  one: (id: string) => ['public-consultations', id] as const,
  summary: (id: string, lang: string) => ['public-consultations', id, 'summary', lang] as const,
};

/** Open and closed consultations for the portal (no sign-in). */
export function usePublicConsultations() {
  return useQuery({
    queryKey: keys.list,
    queryFn: () =>
      legacyApi<{ items: PublicConsultationSummary[] }>('/api/public/consultations', {
        redirectOn401: false,
      }).then((r) => r.items),
  });
}

/** One consultation clause by clause with its published comments and replies. */
export function usePublicConsultation(id: string) {
  return useQuery({
    queryKey: keys.one(id),
    queryFn: () =>
      legacyApi<PublicConsultationDetail>(`/api/public/consultations/${id}`, { redirectOn401: false }),
  });
}

/** The feedback summary (采纳情况说明) of a closed consultation, in the UI language. */
export function usePublicSummary(id: string, lang: 'zh' | 'en') {
  return useQuery({
    queryKey: keys.summary(id, lang),
    queryFn: () =>
      legacyApi<SummaryDocument>(`/api/public/consultations/${id}/summary`, {
        query: { lang },
        redirectOn401: false,
      }),
  });
}

export interface CommentDraft {
  clauseKey: string;
  body: string;
  authorName?: string;
  contact?: string;
  website?: string;
}

/**
 * Submits a comment: fetches a challenge, solves the proof of work (`onVerifying` marks that
 * phase for the "正在验证…" state), then posts the comment with the solution.
 */
export function useSubmitComment(id: string, onVerifying: (busy: boolean) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (draft: CommentDraft) => {
      onVerifying(true);
      let counter: number;
      let challenge: Challenge;
      try {
        challenge = await legacyApi<Challenge>(`/api/public/consultations/${id}/challenge`, {
          redirectOn401: false,
        });
        counter = await solveProofOfWork(challenge.nonce, challenge.difficulty);
      } finally {
        onVerifying(false);
      }
      return legacyApi<{ id: string; seq: number; status: 'pending' }>(
        `/api/public/consultations/${id}/comments`,
        {
          method: 'POST',
          redirectOn401: false,
          body: {
            clauseKey: draft.clauseKey,
            body: draft.body,
            authorName: draft.authorName?.trim() || null,
            contact: draft.contact?.trim() || null,
            website: draft.website ?? '',
            challenge: { token: challenge.token, counter },
          },
        },
      );
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.one(id) }),
  });
}
