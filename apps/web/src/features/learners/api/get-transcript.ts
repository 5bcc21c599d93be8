import { useQuery } from '@tanstack/react-query';
import { api, type ApiResponse } from '@/lib/api-client';
import { learnerKeys } from './keys';

/** A learner's transcript as the server answers it (credits in tenths). */
export type Transcript = ApiResponse<'get', '/api/learners/{id}/transcript'>['transcript'];

/** `GET /api/learners/{id}/transcript`: the register's facts, recognised outcomes, conversions, totals. */
export async function getTranscript(id: string) {
  return (await api.get('/api/learners/{id}/transcript', { path: { id } })).transcript;
}

export function useTranscript(id: string) {
  return useQuery({ queryKey: learnerKeys.transcript(id), queryFn: () => getTranscript(id) });
}

/** `POST /api/learners/{id}/transcript/credential`: the transcript as of now, signed (VC-JWT). */
export function issueTranscriptCredential(id: string) {
  return api.post('/api/learners/{id}/transcript/credential', { path: { id } });
}
