import { api, type ApiBody } from '@/lib/api-client';
import { useMeetingMutation } from './use-meeting-mutation';

export type DecisionInput = ApiBody<'post', '/api/meetings/{id}/decisions'>;

/** Records a decision (议定事项) with its responsible unit and deadline. */
export async function addDecision({ id, body }: { id: string; body: DecisionInput }) {
  return (await api.post('/api/meetings/{id}/decisions', { path: { id }, body })).meeting;
}

export function useAddDecision() {
  return useMeetingMutation(addDecision);
}
