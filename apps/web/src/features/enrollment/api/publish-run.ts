import { api } from '@/lib/api-client';
import type { RunDetail } from '../types';
import { useEnrollmentMutation } from './keys';

/** Publishes a reviewed run (公布): its placements take effect. */
export function publishRun(runId: string): Promise<RunDetail> {
  return api.post('/api/enrollment/runs/{id}/publication', { path: { id: runId } });
}

export function usePublishRun() {
  return useEnrollmentMutation(publishRun);
}
