import { useMutation, useQueryClient } from '@tanstack/react-query';
import { learnerKeys } from './keys';

/**
 * A mutation that refreshes every learners query when it succeeds: a new cohort or a status change
 * changes the list and the learner at once.
 */
export function useLearnerMutation<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: learnerKeys.all });
    },
  });
}
