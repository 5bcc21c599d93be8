import type { InspectionState } from '@zhijiao/contracts';
import { useQuery } from '@tanstack/react-query';
import { legacyApi } from '@/lib/api-client';
import type { InspectionSummary, Items } from '@/lib/api-types';
import { supervisionKeys } from './keys';

/** Inspections the actor sees, newest first (the API pages by 500 at most; districts hold far fewer). */
export async function getInspections(state?: InspectionState): Promise<InspectionSummary[]> {
  return (
    await legacyApi<Items<InspectionSummary>>('/api/supervision/inspections', {
      query: { state, limit: 500 },
    })
  ).items;
}

export function useInspections(state?: InspectionState) {
  return useQuery({ queryKey: supervisionKeys.inspections(state), queryFn: () => getInspections(state) });
}
