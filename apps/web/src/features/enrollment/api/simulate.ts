import { useMutation } from '@tanstack/react-query';
import { api, type ApiBody } from '@/lib/api-client';
import type { Simulation } from '../types';

export type SimulationBody = ApiBody<'post', '/api/enrollment/batches/{id}/simulations'>;

/**
 * Runs the quota what-if (招生计划模拟) up to a batch: the current quotas and the tried ones, side
 * by side. Writes nothing, so it refreshes no query.
 */
export async function simulate({
  batchId,
  body,
}: {
  batchId: string;
  body: SimulationBody;
}): Promise<Simulation> {
  return (await api.post('/api/enrollment/batches/{id}/simulations', { path: { id: batchId }, body }))
    .simulation;
}

export function useSimulate() {
  return useMutation({ mutationFn: simulate });
}
