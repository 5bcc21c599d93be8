import { useMutation, useQueryClient } from '@tanstack/react-query';

/** Query keys of the enrolment feature, all under `['enrollment']` so one invalidation refreshes them. */
export const enrollmentKeys = {
  all: ['enrollment'] as const,
  seasons: ['enrollment', 'seasons'] as const,
  season: (id: string) => ['enrollment', 'season', id] as const,
  candidates: (seasonId: string) => ['enrollment', 'candidates', seasonId] as const,
  preferences: (candidateId: string) => ['enrollment', 'preferences', candidateId] as const,
  runs: (seasonId: string, batchId?: string) => ['enrollment', 'runs', seasonId, batchId ?? null] as const,
  run: (id: string) => ['enrollment', 'run', id] as const,
  job: (id: string) => ['enrollment', 'job', id] as const,
  admissions: (seasonId: string) => ['enrollment', 'admissions', seasonId] as const,
  publicSeasons: ['public', 'enrollment', 'seasons'] as const,
  publicCutoffs: (seasonId: string) => ['public', 'enrollment', 'cutoffs', seasonId] as const,
};

/**
 * A mutation that refreshes every enrolment query when it succeeds: one step of the season (a
 * batch added, a run published) changes the season page, the lists and the run at once.
 */
export function useEnrollmentMutation<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: enrollmentKeys.all }),
  });
}
