import { legacyApi } from '@/lib/api-client';
import type { RunDetail } from '../types';
import { enc, useEnrollmentMutation } from './keys';

/** Publishes a reviewed run (公布): its placements take effect. */
export async function publishRun(runId: string): Promise<RunDetail> {
  return legacyApi<RunDetail>(`/api/enrollment/runs/${enc(runId)}/publication`, { method: 'POST' });
}

export function usePublishRun() {
  return useEnrollmentMutation(publishRun);
}
