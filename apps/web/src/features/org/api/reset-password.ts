import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** Resets a password (security admin); the one-time password comes back once and must be changed at login. */
export async function resetPassword(id: string) {
  return api.post('/api/admin/users/{id}/password-reset', { path: { id } });
}

export function useResetPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resetPassword,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.users }),
  });
}
