import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Candidate } from '../types';
import { enrollmentKeys } from './keys';

/** Candidates (考生) the user may see: all for 招生办, a junior high its own; ID numbers masked. */
export async function getCandidates(seasonId: string): Promise<Candidate[]> {
  return (await api.get('/api/enrollment/seasons/{id}/candidates', { path: { id: seasonId } })).items;
}

export function useCandidates(seasonId: string | undefined) {
  return useQuery({
    queryKey: enrollmentKeys.candidates(seasonId ?? ''),
    queryFn: () => getCandidates(seasonId!),
    enabled: !!seasonId,
  });
}
