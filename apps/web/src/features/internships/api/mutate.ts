import { useMutation, useQueryClient } from '@tanstack/react-query';
import { internshipKeys } from './keys';

/**
 * A mutation that refreshes every internships query when it succeeds (a step changes the list,
 * the record, the checklist and the numbers at once) and the plan's indicators computed from them.
 */
export function useInternshipMutation<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: internshipKeys.all });
      await queryClient.invalidateQueries({ queryKey: ['indicators'] });
    },
  });
}
