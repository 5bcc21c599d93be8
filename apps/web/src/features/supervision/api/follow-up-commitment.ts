import { legacyApi } from '@/lib/api-client';
import type { Interview } from '../types';
import { enc } from './keys';
import { useSupervisionMutation } from './mutate';

/** Records whether an interview commitment was kept (跟踪落实). */
export async function followUpCommitment({
  interviewId,
  commitmentId,
  body,
}: {
  interviewId: string;
  commitmentId: string;
  body: { state: 'fulfilled' | 'unfulfilled'; followUp: string };
}): Promise<Interview> {
  return (
    await legacyApi<{ interview: Interview }>(
      `/api/supervision/interviews/${enc(interviewId)}/commitments/${enc(commitmentId)}/follow-up`,
      { method: 'POST', body },
    )
  ).interview;
}

export function useFollowUpCommitment() {
  return useSupervisionMutation(followUpCommitment);
}
