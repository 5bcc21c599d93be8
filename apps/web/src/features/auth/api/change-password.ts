import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
}

/** Changes the own password (204); the server ends the user's other sessions. */
export async function changePassword(input: ChangePasswordInput): Promise<void> {
  await api<void>('/api/auth/password', { method: 'POST', body: input });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.me }),
  });
}
