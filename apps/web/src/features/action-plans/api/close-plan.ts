import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { Evaluation } from '../types';
import { evaluationKey } from './get-evaluation';

/** Closes the plan (收官) with its saved final evaluation. */
export async function closePlan(planCode: string): Promise<Evaluation> {
  return (await api.post('/api/plans/{code}/closure', { path: { code: planCode } })).evaluation;
}

/** Afterwards the plan's dashboards, indicators and alerts read as closed. */
export function useClosePlan(planCode: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => closePlan(planCode),
    onSuccess: (evaluation) => {
      queryClient.setQueryData(evaluationKey(planCode), evaluation);
      for (const queryKey of [queryKeys.plans, ['indicators'], ['alerts'], queryKeys.publicPlans])
        void queryClient.invalidateQueries({ queryKey });
    },
  });
}
