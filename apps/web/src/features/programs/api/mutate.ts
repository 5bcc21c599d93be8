import { useMutation, useQueryClient } from '@tanstack/react-query';
import { programKeys } from './keys';

/**
 * A mutation that refreshes every programs query when it succeeds (a decision changes the list,
 * the record and the numbers at once) and the plan's indicators, which may be computed from them.
 */
export function useProgramMutation<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: programKeys.all });
      await queryClient.invalidateQueries({ queryKey: ['indicators'] });
      await queryClient.invalidateQueries({ queryKey: ['plans'] });
    },
  });
}
