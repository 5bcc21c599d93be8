import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

/** `POST /api/enterprises/{id}/contacts/{contactId}/unmask`: a contact's phone in clear (audited). */
export function unmaskContact({ id, contactId }: { id: string; contactId: string }) {
  return api.post('/api/enterprises/{id}/contacts/{contactId}/unmask', { path: { id, contactId } });
}

export function useUnmaskContact() {
  return useMutation({ mutationFn: unmaskContact });
}
