import { api, type ApiBody } from '@/lib/api-client';
import type { SeasonDetail } from '../types';
import { useEnrollmentMutation } from './keys';

export type SeasonBody = ApiBody<'post', '/api/enrollment/seasons'>;

/** Creates the season (招生季) of an admission year with its subjects and tie-break order. */
export async function createSeason(body: SeasonBody): Promise<SeasonDetail> {
  return (await api.post('/api/enrollment/seasons', { body })).season;
}

export function useCreateSeason() {
  return useEnrollmentMutation(createSeason);
}
