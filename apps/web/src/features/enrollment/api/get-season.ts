import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { SeasonDetail } from '../types';
import { enrollmentKeys } from './keys';

/** A season with its batches (window state now) and programs, and what the user may do. */
export async function getSeason(id: string): Promise<SeasonDetail> {
  return (await api.get('/api/enrollment/seasons/{id}', { path: { id } })).season;
}

export function useSeason(id: string | undefined) {
  return useQuery({
    queryKey: enrollmentKeys.season(id ?? ''),
    queryFn: () => getSeason(id!),
    enabled: !!id,
  });
}
