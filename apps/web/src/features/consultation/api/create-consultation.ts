import { api, type ApiBody } from '@/lib/api-client';
import { useConsultationMutation } from './use-consultation-mutation';

export type CreateConsultationInput = ApiBody<'post', '/api/consultations'>;

/** Prepares a consultation on a draft plan version. */
export async function createConsultation(body: CreateConsultationInput) {
  return api.post('/api/consultations', { body });
}

export function useCreateConsultation() {
  return useConsultationMutation(createConsultation);
}
