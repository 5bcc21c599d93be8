import { api } from '@/lib/api-client';
import { useConsultationMutation } from './use-consultation-mutation';

/** Closes a consultation after its period, once every comment is moderated and answered. */
export async function closeConsultation(id: string) {
  return api.post('/api/consultations/{id}/closing', { path: { id } });
}

export function useCloseConsultation() {
  return useConsultationMutation(closeConsultation);
}
