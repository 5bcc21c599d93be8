import { legacyApi } from '@/lib/api-client';
import type { InspectionDetail } from '../types';
import { enc } from './keys';
import { useSupervisionMutation } from './mutate';

/** Starts an inspection (planned → in_progress): findings and interviews may be recorded. */
export async function startInspection(id: string): Promise<InspectionDetail> {
  return (
    await legacyApi<{ inspection: InspectionDetail }>(`/api/supervision/inspections/${enc(id)}/start`, {
      method: 'POST',
    })
  ).inspection;
}

export function useStartInspection() {
  return useSupervisionMutation(startInspection);
}
