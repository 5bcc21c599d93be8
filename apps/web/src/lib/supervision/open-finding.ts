/** Shared by the indicator and task pages, which both open a supervision finding in one click. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type ApiBody } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type OpenFindingInput = ApiBody<'post', '/api/supervision/inspections/{id}/findings/from-subject'> & {
  inspectionId: string;
};

/**
 * One click: opens a supervision finding from an off-track indicator or an overdue task; the server
 * writes title, description and unit and attaches the current evidence.
 */
export async function openFinding({ inspectionId, ...body }: OpenFindingInput): Promise<{ id: string }> {
  return (
    await api.post('/api/supervision/inspections/{id}/findings/from-subject', {
      path: { id: inspectionId },
      body,
    })
  ).finding;
}

export function useOpenFinding() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: openFinding,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.supervision }),
  });
}
