import { useMutation, useQueryClient } from '@tanstack/react-query';
import { enterpriseKeys } from './keys';

/** A mutation that refreshes every enterprises query (and the search) when it succeeds. */
export function useEnterpriseMutation<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: enterpriseKeys.all });
      await queryClient.invalidateQueries({ queryKey: ['search'] });
    },
  });
}
