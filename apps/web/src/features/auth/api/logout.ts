import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

/** Ends the session on the server (a 401 here means it had already ended: no redirect). */
export async function logout(): Promise<void> {
  await api.post('/api/auth/logout', { redirectOn401: false });
}

/** Ends the session and forgets everything cached for this user, even if the server call fails. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      setCsrfToken(null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.me[0] });
      queryClient.setQueryData(queryKeys.me, null);
    },
  });
}
