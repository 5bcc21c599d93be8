import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AdoptionDecision } from '@zhijiao/contracts';
import { legacyApi } from '@/lib/api-client';
import type { EditorConsultationDetail, EditorConsultationSummary, VersionDiff } from './types';

const keys = {
  all: ['consultations'] as const,
  list: ['consultations', 'list'] as const,
  candidates: ['consultations', 'candidates'] as const,
  one: (id: string) => ['consultations', id] as const,
  diff: (id: string, to: string | undefined) => ['consultations', id, 'diff', to ?? ''] as const,
  versions: (id: string) => ['consultations', id, 'versions'] as const,
};

/** Consultations of the coordinator's district. */
export function useConsultations() {
  return useQuery({
    queryKey: keys.list,
    queryFn: () =>
      legacyApi<{ items: EditorConsultationSummary[] }>('/api/consultations').then((r) => r.items),
  });
}

/** Draft plan versions that can be opened for comment. */
export function useCandidateVersions(enabled: boolean) {
  return useQuery({
    queryKey: keys.candidates,
    enabled,
    queryFn: () =>
      legacyApi<{ items: Array<{ id: string; code: string; version: number; title: string }> }>(
        '/api/consultations/plan-versions',
      ).then((r) => r.items),
  });
}

export function useConsultation(id: string) {
  return useQuery({
    queryKey: keys.one(id),
    queryFn: () => legacyApi<EditorConsultationDetail>(`/api/consultations/${id}`),
  });
}

export function useComparableVersions(id: string) {
  return useQuery({
    queryKey: keys.versions(id),
    queryFn: () =>
      legacyApi<{ items: Array<{ id: string; version: number; status: string; title: string }> }>(
        `/api/consultations/${id}/versions`,
      ).then((r) => r.items),
  });
}

export function useVersionDiff(id: string, to: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: keys.diff(id, to),
    enabled,
    queryFn: () => legacyApi<VersionDiff>(`/api/consultations/${id}/diff`, { query: { to } }),
  });
}

/** Every workflow step of the editors, each refreshing the consultation afterwards. */
export function useConsultationActions(id: string) {
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: keys.all });
  const open = useMutation({
    mutationFn: () => legacyApi(`/api/consultations/${id}/opening`, { method: 'POST' }),
    onSuccess: refresh,
  });
  const close = useMutation({
    mutationFn: () => legacyApi(`/api/consultations/${id}/closing`, { method: 'POST' }),
    onSuccess: refresh,
  });
  const moderate = useMutation({
    mutationFn: (input: { commentId: string; action: 'publish' | 'reject'; reason?: string }) =>
      legacyApi(`/api/consultation-comments/${input.commentId}/moderation`, {
        method: 'POST',
        body: { action: input.action, ...(input.reason ? { reason: input.reason } : {}) },
      }),
    onSuccess: refresh,
  });
  const reply = useMutation({
    mutationFn: (input: { commentId: string; reply: string; decision: AdoptionDecision; reason?: string }) =>
      legacyApi(`/api/consultation-comments/${input.commentId}/reply`, {
        method: 'PUT',
        body: {
          reply: input.reply,
          decision: input.decision,
          ...(input.reason ? { reason: input.reason } : {}),
        },
      }),
    onSuccess: refresh,
  });
  const revise = useMutation({
    mutationFn: (edits: Array<{ key: string; text: string }>) =>
      legacyApi<{ planId: string; version: number }>(`/api/consultations/${id}/revision`, {
        method: 'POST',
        body: { edits },
      }),
    onSuccess: refresh,
  });
  return { open, close, moderate, reply, revise };
}

/** Prepares a consultation on a draft plan version. */
export function useCreateConsultation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { planId: string; title?: string; description?: string; closesAt: string }) =>
      legacyApi<{ id: string }>('/api/consultations', { method: 'POST', body: input }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}
