import { legacyApi } from '@/lib/api-client';
import type { RunDetail } from '../types';
import { enc, useEnrollmentMutation } from './keys';

/** Marks a draft run reviewed (审核). */
export async function reviewRun(runId: string): Promise<RunDetail> {
  return legacyApi<RunDetail>(`/api/enrollment/runs/${enc(runId)}/review`, { method: 'POST' });
}

export function useReviewRun() {
  return useEnrollmentMutation(reviewRun);
}
