import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { PublicSeason } from '../types';
import { enrollmentKeys } from './keys';

/** Seasons past set-up (no sign-in): the ones a result look-up or the cut-offs can be about. */
export async function getPublicSeasons(): Promise<PublicSeason[]> {
  return (await api.get('/api/public/enrollment/seasons', { redirectOn401: false })).items;
}

export function usePublicSeasons() {
  return useQuery({ queryKey: enrollmentKeys.publicSeasons, queryFn: getPublicSeasons });
}
