import { api } from '@/lib/api-client';
import { useSupervisionMutation } from './mutate';

/** Starts an inspection (planned → in_progress): findings and interviews may be recorded. */
export async function startInspection(id: string) {
  return (await api.post('/api/supervision/inspections/{id}/start', { path: { id } })).inspection;
}

export function useStartInspection() {
  return useSupervisionMutation(startInspection);
}
