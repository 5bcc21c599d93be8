import type { InspectionKind, InspectionScopeType } from '@zhijiao/contracts';
import { legacyApi } from '@/lib/api-client';
import type { InspectionDetail } from '../types';
import { enc } from './keys';
import { useSupervisionMutation } from './mutate';

export interface InspectionBody {
  kind: InspectionKind;
  title: string;
  purpose: string;
  documentNumber?: string | null;
  startsOn: string;
  endsOn: string;
  schedule: { date: string; activity: string }[];
  inspectorIds: string[];
  leadInspectorId?: string | null;
  scope: { type: InspectionScopeType; id: string }[];
}

/** Plans a new inspection (`id` absent) or changes one not yet completed. */
export async function saveInspection({
  id,
  body,
}: {
  id?: string;
  body: InspectionBody;
}): Promise<InspectionDetail> {
  const path = id ? `/api/supervision/inspections/${enc(id)}` : '/api/supervision/inspections';
  return (await legacyApi<{ inspection: InspectionDetail }>(path, { method: id ? 'PUT' : 'POST', body }))
    .inspection;
}

export function useSaveInspection() {
  return useSupervisionMutation(saveInspection);
}
