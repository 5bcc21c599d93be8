import { api } from '@/lib/api-client';
import type { RunDetail } from '../types';
import { useEnrollmentMutation } from './keys';

/** Marks a draft run reviewed (审核). */
export function reviewRun(runId: string): Promise<RunDetail> {
  return api.post('/api/enrollment/runs/{id}/review', { path: { id: runId } });
}

export function useReviewRun() {
  return useEnrollmentMutation(reviewRun);
}
