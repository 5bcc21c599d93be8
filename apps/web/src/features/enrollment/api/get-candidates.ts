import { useQuery } from '@tanstack/react-query';
import { legacyApi } from '@/lib/api-client';
import type { Items } from '@/lib/api-types';
import type { Candidate } from '../types';
import { enc, enrollmentKeys } from './keys';

/** Candidates (考生) the user may see: all for 招生办, a junior high its own; ID numbers masked. */
export async function getCandidates(seasonId: string): Promise<Candidate[]> {
  return (await legacyApi<Items<Candidate>>(`/api/enrollment/seasons/${enc(seasonId)}/candidates`)).items;
}

export function useCandidates(seasonId: string | undefined) {
  return useQuery({
    queryKey: enrollmentKeys.candidates(seasonId ?? ''),
    queryFn: () => getCandidates(seasonId!),
    enabled: !!seasonId,
  });
}
