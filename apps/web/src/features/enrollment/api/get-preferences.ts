import { useQuery } from '@tanstack/react-query';
import { legacyApi } from '@/lib/api-client';
import type { Preferences } from '../types';
import { enc, enrollmentKeys } from './keys';

/** A candidate's choices (志愿) per batch, with lock state and every change. */
export async function getPreferences(candidateId: string): Promise<Preferences> {
  return legacyApi<Preferences>(`/api/enrollment/candidates/${enc(candidateId)}/preferences`);
}

export function usePreferences(candidateId: string | undefined) {
  return useQuery({
    queryKey: enrollmentKeys.preferences(candidateId ?? ''),
    queryFn: () => getPreferences(candidateId!),
    enabled: !!candidateId,
  });
}
