import { useMutation, useQueryClient } from '@tanstack/react-query';
import { trainingBaseKeys } from './keys';

/** A mutation that refreshes every training-bases query and the plan's indicators when it succeeds. */
export function useTrainingBaseMutation<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: trainingBaseKeys.all });
      await queryClient.invalidateQueries({ queryKey: ['indicators'] });
    },
  });
}
