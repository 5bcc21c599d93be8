import type { SanctionGround, SanctionKind } from '@zhijiao/contracts';
import { legacyApi } from '@/lib/api-client';
import type { Sanction } from '../types';
import { useSupervisionMutation } from './mutate';

export interface SanctionBody {
  orgUnitId: string;
  inspectionId?: string | null;
  kind: SanctionKind;
  year: number;
  points: number;
  title: string;
  ground: SanctionGround;
  groundsText: string;
  refs: { type: string; id: string }[];
  decidedOn: string;
}

/** Records a reward or penalty against a unit, with its grounds; it counts in that year's assessment. */
export async function recordSanction(body: SanctionBody): Promise<Sanction> {
  return (await legacyApi<{ sanction: Sanction }>('/api/supervision/sanctions', { method: 'POST', body }))
    .sanction;
}

export function useRecordSanction() {
  return useSupervisionMutation(recordSanction);
}
