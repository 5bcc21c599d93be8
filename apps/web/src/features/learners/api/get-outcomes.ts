import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { learnerKeys } from './keys';

/** `GET /api/learners/{id}/outcomes`: a learner's learning outcomes (学习成果), oldest achieved first. */
export async function getOutcomes(id: string) {
  return (await api.get('/api/learners/{id}/outcomes', { path: { id } })).items;
}

export function useOutcomes(id: string) {
  return useQuery({ queryKey: learnerKeys.outcomes(id), queryFn: () => getOutcomes(id) });
}
