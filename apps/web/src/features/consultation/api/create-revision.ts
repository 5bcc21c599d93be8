import { api, type ApiBody } from '@/lib/api-client';
import { useConsultationMutation } from './use-consultation-mutation';

export type ClauseEdits = ApiBody<'post', '/api/consultations/{id}/revision'>['edits'];

/** Creates the next draft version of the plan from the edited clauses. */
export async function createRevision({ id, edits }: { id: string; edits: ClauseEdits }) {
  return api.post('/api/consultations/{id}/revision', { path: { id }, body: { edits } });
}

export function useCreateRevision() {
  return useConsultationMutation(createRevision);
}
