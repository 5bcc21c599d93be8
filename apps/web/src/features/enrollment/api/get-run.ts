import { useQuery } from '@tanstack/react-query';
import { legacyApi } from '@/lib/api-client';
import type { MatchOutput, Run } from '../types';
import { enc, enrollmentKeys } from './keys';

/** A run with the engine's output (parsed from the stored bytes). */
export async function getRun(id: string): Promise<{ run: Run; output: MatchOutput }> {
  const answer = await legacyApi<{ run: Run; output: string }>(`/api/enrollment/runs/${enc(id)}`);
  return { run: answer.run, output: JSON.parse(answer.output) as MatchOutput };
}

export function useRun(id: string | undefined) {
  return useQuery({ queryKey: enrollmentKeys.run(id ?? ''), queryFn: () => getRun(id!), enabled: !!id });
}
