import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type ApiBody } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type CreateUserInput = ApiBody<'post', '/api/admin/users'>;

/** Creates an account; the answer carries the one-time initial password, shown once. */
export async function createUser(body: CreateUserInput) {
  return api.post('/api/admin/users', { body });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.users }),
  });
}
