import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { consultationKeys } from './keys';

/** Draft plan versions that can be opened for comment. */
export async function getCandidateVersions() {
  return (await api.get('/api/consultations/plan-versions')).items;
}

export function useCandidateVersions(enabled: boolean) {
  return useQuery({ queryKey: consultationKeys.candidates, enabled, queryFn: getCandidateVersions });
}
