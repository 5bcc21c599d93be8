import { api, type ApiBody } from '@/lib/api-client';
import { useSupervisionMutation } from './mutate';

/** Records a reward or penalty against a unit, with its grounds; it counts in that year's assessment. */
export async function recordSanction(body: ApiBody<'post', '/api/supervision/sanctions'>) {
  return (await api.post('/api/supervision/sanctions', { body })).sanction;
}

export function useRecordSanction() {
  return useSupervisionMutation(recordSanction);
}
