import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type ApiBody } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type ChangePasswordInput = ApiBody<'post', '/api/auth/password'>;

/** Changes the own password (204); the server ends the user's other sessions. */
export async function changePassword(input: ChangePasswordInput): Promise<void> {
  await api.post('/api/auth/password', { body: input });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.me }),
  });
}
