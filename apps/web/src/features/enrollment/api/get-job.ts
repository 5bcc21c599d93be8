import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Job } from '../types';
import { enrollmentKeys } from './keys';

/** A background job's state and progress (`GET /api/jobs/:id`). */
export async function getJob(id: string): Promise<Job> {
  return (await api.get('/api/jobs/{id}', { path: { id } })).job;
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
