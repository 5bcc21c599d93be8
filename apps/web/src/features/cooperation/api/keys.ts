import { useMutation, useQueryClient } from '@tanstack/react-query';

/** Query keys of the cooperation feature, all under one prefix so one invalidation refreshes them. */
export const cooperationKeys = {
  all: ['cooperation'] as const,
  agreements: (filter: Record<string, unknown>) => ['cooperation', 'agreements', filter] as const,
  agreement: (id: string) => ['cooperation', 'agreement', id] as const,
  apprenticeships: (filter: Record<string, unknown>) => ['cooperation', 'apprenticeships', filter] as const,
  apprenticeship: (id: string) => ['cooperation', 'apprenticeship', id] as const,
  centres: (filter: Record<string, unknown>) => ['cooperation', 'centres', filter] as const,
  centre: (id: string) => ['cooperation', 'centre', id] as const,
};

/**
 * A mutation that refreshes every cooperation query when it succeeds, and the plan's indicators
 * and milestones computed from these records.
 */
export function useCooperationMutation<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: cooperationKeys.all });
      await queryClient.invalidateQueries({ queryKey: ['indicators'] });
    },
  });
}
