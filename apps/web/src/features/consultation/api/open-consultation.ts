import { api } from '@/lib/api-client';
import { useConsultationMutation } from './use-consultation-mutation';

/** Opens a draft consultation for comment. */
export async function openConsultation(id: string) {
  return api.post('/api/consultations/{id}/opening', { path: { id } });
}

export function useOpenConsultation() {
  return useConsultationMutation(openConsultation);
}
