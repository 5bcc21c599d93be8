import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { learnerKeys } from './keys';

/** `GET /api/enrollment/seasons`: the district's enrolment seasons (招生季), newest first — a cohort's source. */
export async function getEnrollmentSeasons() {
  return (await api.get('/api/enrollment/seasons')).items;
}

export function useEnrollmentSeasons(enabled: boolean) {
  return useQuery({ queryKey: learnerKeys.seasons, queryFn: getEnrollmentSeasons, enabled });
}
