import { legacyApi } from '@/lib/api-client';
import type { InspectionDetail } from '../types';
import { enc } from './keys';
import { useSupervisionMutation } from './mutate';

/** Completes an inspection with the conclusion of its report (in_progress → completed). */
export async function completeInspection({
  id,
  conclusion,
}: {
  id: string;
  conclusion: string;
}): Promise<InspectionDetail> {
  return (
    await legacyApi<{ inspection: InspectionDetail }>(`/api/supervision/inspections/${enc(id)}/completion`, {
      method: 'POST',
      body: { conclusion },
    })
  ).inspection;
}

export function useCompleteInspection() {
  return useSupervisionMutation(completeInspection);
}
