import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, setCsrfToken } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { Me } from '@/lib/session';

export type { Me };

/** The signed-in user, or null when nobody is (401). Keeps the session's CSRF token in memory. */
export async function getMe(): Promise<Me | null> {
  try {
    const answer = await api.get('/api/auth/me', { redirectOn401: false });
    setCsrfToken(answer.csrfToken);
    return answer.user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** The signed-in user as a query shared by the layout, the guards and the login page. */
export function useMe() {
  return useQuery({ queryKey: queryKeys.me, queryFn: getMe, staleTime: 60_000 });
}

/** Re-reads the user into the cache (after a password change or TOTP enrolment lifts a restriction). */
export function useRefreshMe() {
  const queryClient = useQueryClient();
  return () => queryClient.fetchQuery({ queryKey: queryKeys.me, queryFn: getMe, staleTime: 0 });
}
