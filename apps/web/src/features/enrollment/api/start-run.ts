import { legacyApi } from '@/lib/api-client';
import { enc, useEnrollmentMutation } from './keys';

/** Starts the match (投档录取) of a batch as a job; answers the job id to follow. */
export async function startRun(batchId: string): Promise<{ jobId: string }> {
  return legacyApi<{ jobId: string }>(`/api/enrollment/batches/${enc(batchId)}/runs`, { method: 'POST' });
}

export function useStartRun() {
  return useEnrollmentMutation(startRun);
}
