import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { supervisionKeys } from './keys';

/** The yearly assessment (年度考评) table: one row per unit with a supervision record that year. */
export function getAssessment(year: number) {
  return api.get('/api/supervision/assessment', { query: { year } });
}

export function useAssessment(year: number) {
  return useQuery({ queryKey: supervisionKeys.assessment(year), queryFn: () => getAssessment(year) });
}
