import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { enterpriseKeys } from './keys';

/**
 * `GET /api/internships/duty?year&enterpriseId`: the enterprise's own row of the year's 2 % table —
 * places offered, placements running and the duty judged against them — or null when it offered
 * nothing that year and is not 规上.
 */
export async function getInternshipDuty(enterpriseId: string, year: number) {
  const table = await api.get('/api/internships/duty', { query: { year, enterpriseId, limit: 1 } });
  return table.enterprises.items.find((e) => e.enterprise.id === enterpriseId) ?? null;
}

export function useInternshipDuty(enterpriseId: string, year: number | null, enabled: boolean) {
  return useQuery({
    queryKey: enterpriseKeys.duty(enterpriseId, year ?? 0),
    queryFn: () => getInternshipDuty(enterpriseId, year!),
    enabled: enabled && year !== null,
  });
}
