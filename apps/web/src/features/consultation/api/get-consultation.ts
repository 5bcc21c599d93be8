import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { consultationKeys } from './keys';

/** One consultation with every comment (contacts masked), its open work and the editor's abilities. */
export async function getConsultation(id: string) {
  return api.get('/api/consultations/{id}', { path: { id } });
}

export function useConsultation(id: string) {
  return useQuery({ queryKey: consultationKeys.one(id), queryFn: () => getConsultation(id) });
}
