import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** Confirms enrolment with the first code (204); the session then counts as two-factor. */
export async function confirmTotp(code: string): Promise<void> {
  await api.post('/api/auth/totp/confirmation', { body: { code } });
}

export function useConfirmTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: confirmTotp,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.me }),
  });
}
