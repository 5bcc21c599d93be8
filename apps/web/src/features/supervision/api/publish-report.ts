import { legacyApi } from '@/lib/api-client';
import type { PublicReport } from '../types';
import { enc } from './keys';
import { useSupervisionMutation } from './mutate';

/** Publishes the report of a completed inspection to the portal (the server strips personal data). */
export async function publishReport(id: string): Promise<PublicReport> {
  return legacyApi<PublicReport>(`/api/supervision/inspections/${enc(id)}/publication`, { method: 'POST' });
}

export function usePublishReport() {
  return useSupervisionMutation(publishReport);
}
