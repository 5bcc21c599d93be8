import type { FindingSeverity, FindingSubjectType } from '@zhijiao/contracts';
import { legacyApi } from '@/lib/api-client';
import type { Finding } from '../types';
import { enc } from './keys';
import { useSupervisionMutation } from './mutate';

export interface FindingBody {
  orgUnitId?: string | null;
  subjectType: FindingSubjectType;
  subjectId?: string | null;
  subjectLabel?: string;
  title: string;
  description: string;
  severity: FindingSeverity;
}

/** Records a finding (问题) of a running inspection; a task or indicator gets its evidence attached by the server. */
export async function addFinding({
  inspectionId,
  body,
}: {
  inspectionId: string;
  body: FindingBody;
}): Promise<Finding> {
  return (
    await legacyApi<{ finding: Finding }>(`/api/supervision/inspections/${enc(inspectionId)}/findings`, {
      method: 'POST',
      body,
    })
  ).finding;
}

export function useAddFinding() {
  return useSupervisionMutation(addFinding);
}
