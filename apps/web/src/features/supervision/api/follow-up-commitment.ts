import { api, type ApiBody } from '@/lib/api-client';
import { useSupervisionMutation } from './mutate';

/** Records whether an interview commitment was kept (跟踪落实). */
export async function followUpCommitment({
  interviewId,
  commitmentId,
  body,
}: {
  interviewId: string;
  commitmentId: string;
  body: ApiBody<'post', '/api/supervision/interviews/{id}/commitments/{commitmentId}/follow-up'>;
}) {
  return (
    await api.post('/api/supervision/interviews/{id}/commitments/{commitmentId}/follow-up', {
      path: { id: interviewId, commitmentId },
      body,
    })
  ).interview;
}

export function useFollowUpCommitment() {
  return useSupervisionMutation(followUpCommitment);
}
