import { api, type ApiBody } from '@/lib/api-client';
import { useSupervisionMutation } from './mutate';

export type InspectionBody = ApiBody<'post', '/api/supervision/inspections'>;

/** Plans a new inspection (定期 / 专项) of the coordinator's district. */
export async function createInspection(body: InspectionBody) {
  return (await api.post('/api/supervision/inspections', { body })).inspection;
}

export function useCreateInspection() {
  return useSupervisionMutation(createInspection);
}
