import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Run } from '../types';
import { enrollmentKeys } from './keys';

/** Matching runs of the season (or one batch), newest first; 招生办 only (others get none). */
export async function getRuns(seasonId: string, batchId?: string): Promise<Run[]> {
  return (
    await api.get('/api/enrollment/seasons/{id}/runs', {
      path: { id: seasonId },
      query: { batchId },
    })
  ).items;
}

export function useRuns(seasonId: string | undefined, batchId?: string) {
  return useQuery({
    queryKey: enrollmentKeys.runs(seasonId ?? '', batchId),
    queryFn: () => getRuns(seasonId!, batchId),
    enabled: !!seasonId,
  });
}
