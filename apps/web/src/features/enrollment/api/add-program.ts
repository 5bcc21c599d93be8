import type { EnrollmentSex, EnrollmentTrack } from '@zhijiao/contracts';
import { legacyApi } from '@/lib/api-client';
import type { SeasonDetail } from '../types';
import { enc, useEnrollmentMutation } from './keys';

export interface ProgramBody {
  batchId: string;
  code: string;
  name: string;
  schoolCode: string;
  track: EnrollmentTrack;
  quota: number;
  minScore?: number | null;
  requires?: { sex?: EnrollmentSex };
  reserved?: { code: string; capacity: number; schoolCodes: string[] }[];
}

/** Adds a program (招生计划): school, track, quota, minimum score, conditions and 指标到校 seats. */
export async function addProgram({
  seasonId,
  body,
}: {
  seasonId: string;
  body: ProgramBody;
}): Promise<SeasonDetail> {
  return (
    await legacyApi<{ season: SeasonDetail }>(`/api/enrollment/seasons/${enc(seasonId)}/programs`, {
      method: 'POST',
      body,
    })
  ).season;
}

export function useAddProgram() {
  return useEnrollmentMutation(addProgram);
}
