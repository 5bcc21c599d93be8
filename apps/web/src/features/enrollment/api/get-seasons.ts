import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { SeasonSummary } from '../types';
import { enrollmentKeys } from './keys';

/** Seasons (招生季) of the user's district, newest admission year first. */
export async function getSeasons(): Promise<SeasonSummary[]> {
  return (await api.get('/api/enrollment/seasons')).items;
}

export function useSeasons() {
  return useQuery({ queryKey: enrollmentKeys.seasons, queryFn: getSeasons });
}
