import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { consultationKeys } from './keys';

/** Open and closed consultations for the portal (no sign-in). */
export async function getPublicConsultations() {
  return (await api.get('/api/public/consultations', { redirectOn401: false })).items;
}

export function usePublicConsultations() {
  return useQuery({ queryKey: consultationKeys.publicList, queryFn: getPublicConsultations });
}
