import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { supervisionKeys } from './keys';

/** Interviews (约谈) of one inspection, with their commitments. */
export async function getInterviews(inspectionId: string) {
  return (await api.get('/api/supervision/inspections/{id}/interviews', { path: { id: inspectionId } }))
    .items;
}

export function useInterviews(inspectionId: string | undefined) {
  return useQuery({
    queryKey: supervisionKeys.interviews(inspectionId ?? ''),
    queryFn: () => getInterviews(inspectionId!),
    enabled: !!inspectionId,
  });
}
