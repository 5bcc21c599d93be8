import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Evaluation, EvaluationBody } from '../types';
import { evaluationKey } from './get-evaluation';

/** Saves the draft final evaluation: each task's outcome and remark, and the narrative. */
export async function saveEvaluation(planCode: string, body: EvaluationBody): Promise<Evaluation> {
  return (await api.put('/api/plans/{code}/evaluation', { path: { code: planCode }, body })).evaluation;
}

export function useSaveEvaluation(planCode: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: EvaluationBody) => saveEvaluation(planCode, body),
    onSuccess: (evaluation) => queryClient.setQueryData(evaluationKey(planCode), evaluation),
  });
}
