import { api, type ApiBody } from '@/lib/api-client';
import { useSupervisionMutation } from './mutate';

/** Records an interview (约谈) of a running inspection with the commitments made. */
export async function recordInterview({
  inspectionId,
  body,
}: {
  inspectionId: string;
  body: ApiBody<'post', '/api/supervision/inspections/{id}/interviews'>;
}) {
  return (
    await api.post('/api/supervision/inspections/{id}/interviews', { path: { id: inspectionId }, body })
  ).interview;
}

export function useRecordInterview() {
  return useSupervisionMutation(recordInterview);
}
