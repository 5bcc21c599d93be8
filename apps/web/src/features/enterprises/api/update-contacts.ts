import { api } from '@/lib/api-client';
import type { ContactsChange } from '../types';
import { useEnterpriseMutation } from './mutate';

/** `PUT /api/enterprises/{id}/contacts`: replaces the contacts (phones stored encrypted). */
export async function updateContacts({ id, body }: { id: string; body: ContactsChange }) {
  return (await api.put('/api/enterprises/{id}/contacts', { path: { id }, body })).enterprise;
}

export function useUpdateContacts() {
  return useEnterpriseMutation(updateContacts);
}
