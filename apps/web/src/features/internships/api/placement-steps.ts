import { api } from '@/lib/api-client';
import { useInternshipMutation } from './mutate';

/** Starts the internship (启动实习): 409 with every reason while it cannot. */
export async function activatePlacement(id: string) {
  return (await api.post('/api/internship-placements/{id}/activation', { path: { id } })).placement;
}

/** Extends a running placement. */
export async function extendPlacement({ id, endsOn }: { id: string; endsOn: string }) {
  return (await api.post('/api/internship-placements/{id}/extension', { path: { id }, body: { endsOn } }))
    .placement;
}

/** Records the end: completed, or terminated with the reason. */
export async function endPlacement({
  id,
  how,
  note,
}: {
  id: string;
  how: 'complete' | 'terminate';
  note: string;
}) {
  const path =
    how === 'complete'
      ? '/api/internship-placements/{id}/completion'
      : '/api/internship-placements/{id}/termination';
  return (await api.post(path, { path: { id }, body: { note } })).placement;
}

export const useActivatePlacement = () => useInternshipMutation(activatePlacement);
export const useExtendPlacement = () => useInternshipMutation(extendPlacement);
export const useEndPlacement = () => useInternshipMutation(endPlacement);
