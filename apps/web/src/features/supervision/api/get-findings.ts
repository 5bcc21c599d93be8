import type { FindingState } from '@zhijiao/contracts';
import { useQuery } from '@tanstack/react-query';
import { legacyApi } from '@/lib/api-client';
import type { Items } from '@/lib/api-types';
import type { Finding } from '../types';
import { supervisionKeys } from './keys';

export interface FindingFilter {
  inspectionId?: string;
  orgUnitId?: string;
  state?: FindingState;
}

/** Findings the actor sees (a unit: its own), newest first. */
export async function getFindings(filter: FindingFilter): Promise<Finding[]> {
  return (await legacyApi<Items<Finding>>('/api/supervision/findings', { query: { ...filter, limit: 500 } }))
    .items;
}

export function useFindings(filter: FindingFilter, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: supervisionKeys.findings({ ...filter }),
    queryFn: () => getFindings(filter),
    enabled: options.enabled ?? true,
  });
}
