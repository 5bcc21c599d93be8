import { useQuery } from '@tanstack/react-query';
import { legacyApi } from '@/lib/api-client';
import type { Job } from '../types';
import { enc, enrollmentKeys } from './keys';

/** A background job's state and progress (`GET /api/jobs/:id`). */
export async function getJob(id: string): Promise<Job> {
  return (await legacyApi<{ job: Job }>(`/api/jobs/${enc(id)}`)).job;
}

/** Polls the job every 700 ms until it has succeeded or failed. */
export function useJob(id: string | null) {
  return useQuery({
    queryKey: enrollmentKeys.job(id ?? ''),
    queryFn: () => getJob(id!),
    enabled: !!id,
    refetchInterval: (query) => {
      const state = query.state.data?.state;
      return state === 'succeeded' || state === 'failed' ? false : 700;
    },
  });
}
