import { useQuery } from '@tanstack/react-query';
import { api, type ApiResponse } from '@/lib/api-client';
import { enrollmentKeys } from './keys';

export type Admissions = ApiResponse<'get', '/api/enrollment/seasons/{id}/admissions'>;

/** Admitted candidates of the programs the user may see (a receiving school: its own); IDs masked. */
export function getAdmissions(seasonId: string): Promise<Admissions> {
  return api.get('/api/enrollment/seasons/{id}/admissions', { path: { id: seasonId } });
}

export function useAdmissions(seasonId: string | undefined) {
  return useQuery({
    queryKey: enrollmentKeys.admissions(seasonId ?? ''),
    queryFn: () => getAdmissions(seasonId!),
    enabled: !!seasonId,
  });
}
