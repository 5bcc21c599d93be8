import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ActionItemDetail, MeetingDetail } from '../types';
import { meetingKeys } from './keys';

/**
 * A step of a meeting's workflow: its answer (the meeting as it now is) replaces the cached one,
 * and every meeting, action item and alert view is refreshed.
 */
export function useMeetingMutation<V>(mutationFn: (input: V) => Promise<MeetingDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (meeting) => {
      queryClient.setQueryData(meetingKeys.one(meeting.id), meeting);
      void queryClient.invalidateQueries({ queryKey: meetingKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['alerts'] });
    },
  });
}

/** A step of an action item's workflow, refreshing it, its meeting's views and the alerts. */
export function useActionItemMutation<V>(mutationFn: (input: V) => Promise<ActionItemDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (item) => {
      queryClient.setQueryData(meetingKeys.item(item.id), item);
      void queryClient.invalidateQueries({ queryKey: meetingKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['alerts'] });
    },
  });
}
