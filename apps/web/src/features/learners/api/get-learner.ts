import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { learnerKeys } from './keys';

/** `GET /api/learners/{id}`: one learner (ID number masked) with the status history, oldest first. */
export async function getLearner(id: string) {
  return (await api.get('/api/learners/{id}', { path: { id } })).learner;
}

export function useLearner(id: string) {
  return useQuery({ queryKey: learnerKeys.one(id), queryFn: () => getLearner(id) });
}
