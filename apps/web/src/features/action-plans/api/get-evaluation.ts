import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Evaluation } from '../types';

/** The plan's final evaluation (终期评估): the draft, the closed one, or a proposal to start from. */
export async function getEvaluation(planCode: string): Promise<Evaluation> {
  return (await api.get('/api/plans/{code}/evaluation', { path: { code: planCode } })).evaluation;
}

export const evaluationKey = (planCode: string) => ['plans', planCode, 'evaluation'] as const;

export function useEvaluation(planCode: string) {
  return useQuery({ queryKey: evaluationKey(planCode), queryFn: () => getEvaluation(planCode) });
}
