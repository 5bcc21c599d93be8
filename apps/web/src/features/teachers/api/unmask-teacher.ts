import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';

/** `POST /api/teachers/{id}/unmask`: the ID number, phone and birth date in clear (each view audited). */
export function unmaskTeacher(id: string) {
  return api.post('/api/teachers/{id}/unmask', { path: { id } });
}

export function useUnmaskTeacher() {
  return useMutation({ mutationFn: unmaskTeacher });
}
