import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { legacyApi } from '@/lib/api-client';
import type { Items } from '@/lib/api-types';
import type { MeetingDetail, MeetingSummary } from '../types';

/** Query keys of this feature: everything under `meetings` (action items included). */
export const meetingKeys = {
  all: ['meetings'] as const,
  list: ['meetings', 'list'] as const,
  one: (id: string) => ['meetings', 'one', id] as const,
  items: (filter: Record<string, string | boolean | undefined>) =>
    ['meetings', 'action-items', filter] as const,
  item: (id: string) => ['meetings', 'action-item', id] as const,
};

/** Meetings the user may see, newest first. */
export function useMeetings() {
  return useQuery({
    queryKey: meetingKeys.list,
    queryFn: async () => (await legacyApi<Items<MeetingSummary>>('/api/meetings')).items,
  });
}

/** One meeting as the user may see it (a member unit: its own status report and action items). */
export function useMeeting(id: string) {
  return useQuery({
    queryKey: meetingKeys.one(id),
    queryFn: async () =>
      (await legacyApi<{ meeting: MeetingDetail }>(`/api/meetings/${encodeURIComponent(id)}`)).meeting,
  });
}

export interface MeetingInput {
  title: string;
  meetingDate: string;
  location: string;
  chair: string;
  memberUnitIds: string[];
  agenda: string[];
}

/**
 * One step of a meeting's workflow (create, prepare, remarks, attendance, decisions, minutes,
 * closure): posts to the given path and refreshes every meeting, action item and alert view.
 */
export function useMeetingStep() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (step: { path: string; method?: 'POST' | 'PUT' | 'DELETE'; body?: unknown }) =>
      (
        await legacyApi<{ meeting: MeetingDetail }>(step.path, {
          method: step.method ?? 'POST',
          body: step.body,
        })
      ).meeting,
    onSuccess: (meeting) => {
      queryClient.setQueryData(meetingKeys.one(meeting.id), meeting);
      void queryClient.invalidateQueries({ queryKey: meetingKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['alerts'] });
    },
  });
}

/** Org units (for choosing member and responsible units). */
export function useUnits() {
  return useQuery({
    queryKey: ['org-units'],
    queryFn: async () =>
      (await legacyApi<Items<{ id: string; code: string; name: string; type: string }>>('/api/org-units'))
        .items,
    staleTime: 5 * 60_000,
  });
}
