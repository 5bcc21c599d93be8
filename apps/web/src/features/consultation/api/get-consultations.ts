import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { consultationKeys } from './keys';

/** Consultations of the coordinator's district. */
export async function getConsultations() {
  return (await api.get('/api/consultations')).items;
}

export function useConsultations() {
  return useQuery({ queryKey: consultationKeys.list, queryFn: getConsultations });
}
