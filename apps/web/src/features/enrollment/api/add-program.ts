import { api, type ApiBody } from '@/lib/api-client';
import type { SeasonDetail } from '../types';
import { useEnrollmentMutation } from './keys';

export type ProgramBody = ApiBody<'post', '/api/enrollment/seasons/{id}/programs'>;

/** Adds a program (招生计划): school, track, quota, minimum score, conditions and 指标到校 seats. */
export async function addProgram({
  seasonId,
  body,
}: {
  seasonId: string;
  body: ProgramBody;
}): Promise<SeasonDetail> {
  return (await api.post('/api/enrollment/seasons/{id}/programs', { path: { id: seasonId }, body })).season;
}

export function useAddProgram() {
  return useEnrollmentMutation(addProgram);
}
