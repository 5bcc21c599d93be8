import { api } from '@/lib/api-client';
import { useSupervisionMutation } from './mutate';

/** Completes an inspection with the conclusion of its report (in_progress → completed). */
export async function completeInspection({ id, conclusion }: { id: string; conclusion: string }) {
  return (
    await api.post('/api/supervision/inspections/{id}/completion', { path: { id }, body: { conclusion } })
  ).inspection;
}

export function useCompleteInspection() {
  return useSupervisionMutation(completeInspection);
}
