import type { InspectionState } from '@zhijiao/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { supervisionKeys } from './keys';

/** Inspections the actor sees, newest first (the API pages by 500 at most; districts hold far fewer). */
export async function getInspections(state?: InspectionState) {
  return (await api.get('/api/supervision/inspections', { query: { state, limit: 500 } })).items;
}

export function useInspections(state?: InspectionState) {
  return useQuery({ queryKey: supervisionKeys.inspections(state), queryFn: () => getInspections(state) });
}
