import { legacyApi } from '@/lib/api-client';
import type { Interview } from '../types';
import { enc } from './keys';
import { useSupervisionMutation } from './mutate';

export interface InterviewBody {
  orgUnitId: string;
  heldOn: string;
  interviewers: string;
  interviewees: string;
  reason: string;
  findingIds: string[];
  commitments: { text: string; dueDate?: string | null }[];
}

/** Records an interview (约谈) of a running inspection with the commitments made. */
export async function recordInterview({
  inspectionId,
  body,
}: {
  inspectionId: string;
  body: InterviewBody;
}): Promise<Interview> {
  return (
    await legacyApi<{ interview: Interview }>(
      `/api/supervision/inspections/${enc(inspectionId)}/interviews`,
      {
        method: 'POST',
        body,
      },
    )
  ).interview;
}

export function useRecordInterview() {
  return useSupervisionMutation(recordInterview);
}
