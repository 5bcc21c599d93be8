import { api } from '@/lib/api-client';
import type { NewEnterprise } from '../types';
import { useEnterpriseMutation } from './mutate';

/** `POST /api/enterprises`: registers an enterprise (links its unit, or creates one). */
export async function registerEnterprise(body: NewEnterprise) {
  return (await api.post('/api/enterprises', { body })).enterprise;
}

export function useRegisterEnterprise() {
  return useEnterpriseMutation(registerEnterprise);
}
