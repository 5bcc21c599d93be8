import { legacyApi } from '@/lib/api-client';
import type { SeasonDetail } from '../types';
import { enc, useEnrollmentMutation } from './keys';

/** Opens the season (setup → open) or closes it (open → closed). */
export async function changeSeasonState({
  seasonId,
  to,
}: {
  seasonId: string;
  to: 'open' | 'closed';
}): Promise<SeasonDetail> {
  const step = to === 'open' ? 'opening' : 'closing';
  return (
    await legacyApi<{ season: SeasonDetail }>(`/api/enrollment/seasons/${enc(seasonId)}/${step}`, {
      method: 'POST',
    })
  ).season;
}

export function useChangeSeasonState() {
  return useEnrollmentMutation(changeSeasonState);
}
