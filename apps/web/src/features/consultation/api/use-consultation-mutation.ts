import { useMutation, useQueryClient } from '@tanstack/react-query';
import { consultationKeys } from './keys';

/** An editor's step on a consultation: afterwards every consultation view is read again. */
export function useConsultationMutation<V, R>(mutationFn: (input: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: consultationKeys.all }),
  });
}
