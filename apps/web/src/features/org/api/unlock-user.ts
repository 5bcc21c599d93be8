import { useMutation, useQueryClient } from '@tanstack/react-query';
import { legacyApi } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** Lifts a lockout after too many wrong passwords (security admin). */
export async function unlockUser(id: string): Promise<unknown> {
  return legacyApi(`/api/admin/users/${encodeURIComponent(id)}/unlock`, { method: 'POST' });
}

export function useUnlockUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: unlockUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.users }),
  });
}
