import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Preferences } from '../types';
import { enrollmentKeys } from './keys';

/** A candidate's choices (志愿) per batch, with lock state and every change. */
export function getPreferences(candidateId: string): Promise<Preferences> {
  return api.get('/api/enrollment/candidates/{id}/preferences', { path: { id: candidateId } });
}

export function usePreferences(candidateId: string | undefined) {
  return useQuery({
    queryKey: enrollmentKeys.preferences(candidateId ?? ''),
    queryFn: () => getPreferences(candidateId!),
    enabled: !!candidateId,
  });
}
