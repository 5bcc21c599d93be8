import { api } from '@/lib/api-client';
import type { EnterpriseChange } from '../types';
import { useEnterpriseMutation } from './mutate';

/** `PUT /api/enterprises/{id}`: changes the profile (register keepers). */
export async function updateEnterprise({ id, body }: { id: string; body: EnterpriseChange }) {
  return (await api.put('/api/enterprises/{id}', { path: { id }, body })).enterprise;
}

export function useUpdateEnterprise() {
  return useEnterpriseMutation(updateEnterprise);
}
