import { useQuery } from '@tanstack/react-query';
import { legacyApi } from '@/lib/api-client';
import type { Items } from '@/lib/api-types';
import type { Run } from '../types';
import { enc, enrollmentKeys } from './keys';

/** Matching runs of the season (or one batch), newest first; 招生办 only (others get none). */
export async function getRuns(seasonId: string, batchId?: string): Promise<Run[]> {
  return (
    await legacyApi<Items<Run>>(`/api/enrollment/seasons/${enc(seasonId)}/runs`, { query: { batchId } })
  ).items;
}

export function useRuns(seasonId: string | undefined, batchId?: string) {
  return useQuery({
    queryKey: enrollmentKeys.runs(seasonId ?? '', batchId),
    queryFn: () => getRuns(seasonId!, batchId),
    enabled: !!seasonId,
  });
}
