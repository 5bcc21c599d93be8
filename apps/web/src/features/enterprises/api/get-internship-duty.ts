import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { enterpriseKeys } from './keys';

/**
 * `GET /api/internships/summary?year&enterpriseId`: the enterprise's own row of the year's
 * internship numbers — places offered, placements running and the 2 % duty judged against them —
 * or null when it offered nothing that year and is not 规上.
 */
export async function getInternshipDuty(enterpriseId: string, year: number) {
  const summary = await api.get('/api/internships/summary', { query: { year, enterpriseId } });
  return summary.enterprises.find((e) => e.enterprise.id === enterpriseId) ?? null;
}

export function useInternshipDuty(enterpriseId: string, year: number | null, enabled: boolean) {
  return useQuery({
    queryKey: enterpriseKeys.duty(enterpriseId, year ?? 0),
    queryFn: () => getInternshipDuty(enterpriseId, year!),
    enabled: enabled && year !== null,
  });
}
