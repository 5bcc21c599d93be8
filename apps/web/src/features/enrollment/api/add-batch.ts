import { api, type ApiBody } from '@/lib/api-client';
import type { SeasonDetail } from '../types';
import { useEnrollmentMutation } from './keys';

export type BatchBody = ApiBody<'post', '/api/enrollment/seasons/{id}/batches'>;

/** Adds a batch (批次) with its preference window; answers the season as it is now. */
export async function addBatch({
  seasonId,
  body,
}: {
  seasonId: string;
  body: BatchBody;
}): Promise<SeasonDetail> {
  return (await api.post('/api/enrollment/seasons/{id}/batches', { path: { id: seasonId }, body })).season;
}

export function useAddBatch() {
  return useEnrollmentMutation(addBatch);
}
