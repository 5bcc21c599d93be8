import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { MatchOutput } from '../lib/match-output';
import type { Run } from '../types';
import { enrollmentKeys } from './keys';

/** A run with the engine's output (parsed from the stored bytes). */
export async function getRun(id: string): Promise<{ run: Run; output: MatchOutput }> {
  const answer = await api.get('/api/enrollment/runs/{id}', { path: { id } });
  return { run: answer.run, output: JSON.parse(answer.output) as MatchOutput };
}

export function useRun(id: string | undefined) {
  return useQuery({ queryKey: enrollmentKeys.run(id ?? ''), queryFn: () => getRun(id!), enabled: !!id });
}
