import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken, type ApiBody } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { Me } from './get-me';

export type LoginInput = ApiBody<'post', '/api/auth/login'>;

/** Signs in; a 401 here is an answer (wrong password, TOTP needed), never a redirect. */
export async function login(input: LoginInput): Promise<Me> {
  const answer = await api.post('/api/auth/login', { body: input, redirectOn401: false });
  setCsrfToken(answer.csrfToken);
  return answer.user;
}

/** Login mutation: on success the new user replaces whatever the cache held. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (user) => {
      // Keep the `me` query itself (its observers must see the new user); drop everything else.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.me[0] });
      queryClient.setQueryData(queryKeys.me, user);
    },
  });
}
