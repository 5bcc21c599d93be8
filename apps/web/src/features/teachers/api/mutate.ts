import { useMutation, useQueryClient } from '@tanstack/react-query';
import { teacherKeys } from './keys';

/**
 * A mutation that refreshes every teachers query when it succeeds: an approval changes the queue,
 * the teacher, the ratio and the alerts at once.
 */
export function useTeacherMutation<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: teacherKeys.all });
      await queryClient.invalidateQueries({ queryKey: ['alerts'] });
    },
  });
}
