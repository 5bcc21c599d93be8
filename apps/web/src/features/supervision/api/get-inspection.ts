import { useQuery } from '@tanstack/react-query';
import { legacyApi } from '@/lib/api-client';
import type { InspectionDetail } from '../types';
import { enc, supervisionKeys } from './keys';

/** One inspection with inspectors, scope, schedule, findings and publication. */
export async function getInspection(id: string): Promise<InspectionDetail> {
  return (await legacyApi<{ inspection: InspectionDetail }>(`/api/supervision/inspections/${enc(id)}`))
    .inspection;
}

export function useInspection(id: string) {
  return useQuery({ queryKey: supervisionKeys.inspection(id), queryFn: () => getInspection(id) });
}
