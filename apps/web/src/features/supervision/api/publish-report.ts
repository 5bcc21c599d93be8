import { api } from '@/lib/api-client';
import { useSupervisionMutation } from './mutate';

/** Publishes the report of a completed inspection to the portal (the server strips personal data). */
export function publishReport(id: string) {
  return api.post('/api/supervision/inspections/{id}/publication', { path: { id } });
}

export function usePublishReport() {
  return useSupervisionMutation(publishReport);
}
