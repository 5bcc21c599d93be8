/** Shared by the indicator and task pages, which both open a supervision finding in one click. */
import type { FindingSeverity } from '@zhijiao/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { legacyApi } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export interface OpenFindingInput {
  inspectionId: string;
  subjectType: 'task' | 'indicator';
  subjectId: string;
  severity?: FindingSeverity;
}

/**
 * One click: opens a supervision finding from an off-track indicator or an overdue task; the server
 * writes title, description and unit and attaches the current evidence.
 */
export async function openFinding({ inspectionId, ...body }: OpenFindingInput): Promise<{ id: string }> {
  return (
    await legacyApi<{ finding: { id: string } }>(
      `/api/supervision/inspections/${encodeURIComponent(inspectionId)}/findings/from-subject`,
      { method: 'POST', body },
    )
  ).finding;
}

export function useOpenFinding() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: openFinding,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.supervision }),
  });
}
