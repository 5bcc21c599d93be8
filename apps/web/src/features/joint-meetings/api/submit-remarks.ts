import { api } from '@/lib/api-client';
import { useMeetingMutation } from './use-meeting-mutation';

/** The member unit's remarks (情况说明) on its status report. */
export async function submitRemarks(input: { id: string; unitId: string; remarks: string }) {
  const { id, unitId, remarks } = input;
  return (
    await api.put('/api/meetings/{id}/status-reports/{unitId}/remarks', {
      path: { id, unitId },
      body: { remarks },
    })
  ).meeting;
}

export function useSubmitRemarks() {
  return useMeetingMutation(submitRemarks);
}
