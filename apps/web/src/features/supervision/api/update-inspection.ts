import { api } from '@/lib/api-client';
import type { InspectionBody } from './create-inspection';
import { useSupervisionMutation } from './mutate';

/** Changes the plan of an inspection not yet completed. */
export async function updateInspection({ id, body }: { id: string; body: InspectionBody }) {
  return (await api.put('/api/supervision/inspections/{id}', { path: { id }, body })).inspection;
}

export function useUpdateInspection() {
  return useSupervisionMutation(updateInspection);
}
