import { api, type ApiBody } from '@/lib/api-client';
import { useInternshipMutation } from './mutate';

export type DocumentsInput = ApiBody<'put', '/api/internship-placements/{id}/documents'>;

/** Puts the agreement, consent or insurance on file. */
export async function putDocuments({ id, body }: { id: string; body: DocumentsInput }) {
  return (await api.put('/api/internship-placements/{id}/documents', { path: { id }, body })).placement;
}

export const usePutDocuments = () => useInternshipMutation(putDocuments);
