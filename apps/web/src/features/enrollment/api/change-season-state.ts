import { api } from '@/lib/api-client';
import type { SeasonDetail } from '../types';
import { useEnrollmentMutation } from './keys';

/** Opens the season (setup → open) or closes it (open → closed). */
export async function changeSeasonState({
  seasonId,
  to,
}: {
  seasonId: string;
  to: 'open' | 'closed';
}): Promise<SeasonDetail> {
  const path = { id: seasonId };
  const answer =
    to === 'open'
      ? await api.post('/api/enrollment/seasons/{id}/opening', { path })
      : await api.post('/api/enrollment/seasons/{id}/closing', { path });
  return answer.season;
}

export function useChangeSeasonState() {
  return useEnrollmentMutation(changeSeasonState);
}
