import { useQuery } from '@tanstack/react-query';
import { legacyApi } from '@/lib/api-client';
import type { Assessment } from '../types';
import { supervisionKeys } from './keys';

/** The yearly assessment (年度考评) table: one row per unit with a supervision record that year. */
export async function getAssessment(year: number): Promise<Assessment> {
  return legacyApi<Assessment>('/api/supervision/assessment', { query: { year } });
}

export function useAssessment(year: number) {
  return useQuery({ queryKey: supervisionKeys.assessment(year), queryFn: () => getAssessment(year) });
}
