import { useMutation, useQueryClient } from '@tanstack/react-query';
import { supervisionKeys } from './keys';

/**
 * A mutation that refreshes every supervision query when it succeeds: one write changes the
 * dashboard, lists and the record's page at once, and the module's lists are small.
 */
export function useSupervisionMutation<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: supervisionKeys.all }),
  });
}
