import { legacyApi } from '@/lib/api-client';
import type { SeasonDetail, Subject } from '../types';
import { useEnrollmentMutation } from './keys';

export interface SeasonBody {
  admissionYear: number;
  name: string;
  subjects: Subject[];
  tieBreak: string[];
}

/** Creates the season (招生季) of an admission year with its subjects and tie-break order. */
export async function createSeason(body: SeasonBody): Promise<SeasonDetail> {
  return (await legacyApi<{ season: SeasonDetail }>('/api/enrollment/seasons', { method: 'POST', body }))
    .season;
}

export function useCreateSeason() {
  return useEnrollmentMutation(createSeason);
}
