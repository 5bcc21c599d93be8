import { useQuery } from '@tanstack/react-query';
import { legacyApi } from '@/lib/api-client';
import type { Items } from '@/lib/api-types';
import type { Interview } from '../types';
import { enc, supervisionKeys } from './keys';

/** Interviews (约谈) of one inspection, with their commitments. */
export async function getInterviews(inspectionId: string): Promise<Interview[]> {
  return (await legacyApi<Items<Interview>>(`/api/supervision/inspections/${enc(inspectionId)}/interviews`))
    .items;
}

export function useInterviews(inspectionId: string | undefined) {
  return useQuery({
    queryKey: supervisionKeys.interviews(inspectionId ?? ''),
    queryFn: () => getInterviews(inspectionId!),
    enabled: !!inspectionId,
  });
}
