import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import type { ActionItemDetail, MeetingDetail } from '../types';
import { meetingKeys } from './keys';

/**
 * A workflow step of this feature: its answer (the record as it now is) replaces the cached one
 * under `keyOf(record.id)`, and every meeting, action item and alert view is refreshed.
 */
function useStepMutation<V, R extends { id: string }>(
  mutationFn: (input: V) => Promise<R>,
  keyOf: (id: string) => QueryKey,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (record) => {
      queryClient.setQueryData(keyOf(record.id), record);
      void queryClient.invalidateQueries({ queryKey: meetingKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['alerts'] });
    },
  });
}

/** A step of a meeting's workflow (answered with the meeting). */
export const useMeetingMutation = <V>(mutationFn: (input: V) => Promise<MeetingDetail>) =>
  useStepMutation(mutationFn, meetingKeys.one);

/** A step of an action item's workflow (answered with the item). */
export const useActionItemMutation = <V>(mutationFn: (input: V) => Promise<ActionItemDetail>) =>
  useStepMutation(mutationFn, meetingKeys.item);
