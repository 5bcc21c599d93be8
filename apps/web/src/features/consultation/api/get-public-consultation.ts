import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { consultationKeys } from './keys';

/** One consultation clause by clause with its published comments and replies. */
export async function getPublicConsultation(id: string) {
  return api.get('/api/public/consultations/{id}', { path: { id }, redirectOn401: false });
}

export function usePublicConsultation(id: string) {
  return useQuery({ queryKey: consultationKeys.publicOne(id), queryFn: () => getPublicConsultation(id) });
}
