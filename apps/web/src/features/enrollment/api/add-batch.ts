import { legacyApi } from '@/lib/api-client';
import type { SeasonDetail } from '../types';
import { enc, useEnrollmentMutation } from './keys';

export interface BatchBody {
  code: string;
  name: string;
  position: number;
  opensAt: string;
  closesAt: string;
  maxChoices: number;
}

/** Adds a batch (批次) with its preference window; answers the season as it is now. */
export async function addBatch({
  seasonId,
  body,
}: {
  seasonId: string;
  body: BatchBody;
}): Promise<SeasonDetail> {
  return (
    await legacyApi<{ season: SeasonDetail }>(`/api/enrollment/seasons/${enc(seasonId)}/batches`, {
      method: 'POST',
      body,
    })
  ).season;
}

export function useAddBatch() {
  return useEnrollmentMutation(addBatch);
}
