import { useMutation } from '@tanstack/react-query';
import { legacyApi } from '@/lib/api-client';
import type { Simulation } from '../types';
import { enc } from './keys';

export interface SimulationBody {
  quotas: { programId: string; quota: number }[];
  sourceSeasonId?: string;
}

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
  return (
    await legacyApi<{ simulation: Simulation }>(`/api/enrollment/batches/${enc(batchId)}/simulations`, {
      method: 'POST',
      body,
    })
  ).simulation;
}

export function useSimulate() {
  return useMutation({ mutationFn: simulate });
}
