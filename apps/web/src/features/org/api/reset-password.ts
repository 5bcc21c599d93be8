import { useMutation, useQueryClient } from '@tanstack/react-query';
import { legacyApi } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** Resets a password (security admin); the one-time password comes back once and must be changed at login. */
export async function resetPassword(id: string): Promise<{ initialPassword: string }> {
  return legacyApi(`/api/admin/users/${encodeURIComponent(id)}/password-reset`, { method: 'POST' });
}

export function useResetPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resetPassword,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.users }),
  });
}
