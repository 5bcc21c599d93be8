import { useQuery } from '@tanstack/react-query';
import { legacyApi } from '@/lib/api-client';
import type { Admission } from '../types';
import { enc, enrollmentKeys } from './keys';

/** Admitted candidates of the programs the user may see (a receiving school: its own); IDs masked. */
export async function getAdmissions(
  seasonId: string,
): Promise<{ items: Admission[]; abilities: { register: boolean } }> {
  return legacyApi(`/api/enrollment/seasons/${enc(seasonId)}/admissions`);
}

export function useAdmissions(seasonId: string | undefined) {
  return useQuery({
    queryKey: enrollmentKeys.admissions(seasonId ?? ''),
    queryFn: () => getAdmissions(seasonId!),
    enabled: !!seasonId,
  });
}
