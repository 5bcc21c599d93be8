import { api, type ApiBody } from '@/lib/api-client';
import { useSupervisionMutation } from './mutate';

export type FindingBody = ApiBody<'post', '/api/supervision/inspections/{id}/findings'>;

/** Records a finding (问题) of a running inspection; a task or indicator gets its evidence attached by the server. */
export async function addFinding({ inspectionId, body }: { inspectionId: string; body: FindingBody }) {
  return (await api.post('/api/supervision/inspections/{id}/findings', { path: { id: inspectionId }, body }))
    .finding;
}

export function useAddFinding() {
  return useSupervisionMutation(addFinding);
}
