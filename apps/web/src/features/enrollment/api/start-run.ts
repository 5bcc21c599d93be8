import { api, type ApiResponse } from '@/lib/api-client';
import { useEnrollmentMutation } from './keys';

/** Starts the match (投档录取) of a batch as a job; answers the job id to follow. */
export function startRun(batchId: string): Promise<ApiResponse<'post', '/api/enrollment/batches/{id}/runs'>> {
  return api.post('/api/enrollment/batches/{id}/runs', { path: { id: batchId } });
}

export function useStartRun() {
  return useEnrollmentMutation(startRun);
}
