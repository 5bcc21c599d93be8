import type { Role } from '@zhijiao/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { legacyApi } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { AdminUser } from './get-users';

export interface CreateUserInput {
  username: string;
  displayName: string;
  role: Role;
  orgUnitCode: string;
}

/** Creates an account; the answer carries the one-time initial password, shown once. */
export async function createUser(
  input: CreateUserInput,
): Promise<{ user: AdminUser; initialPassword: string }> {
  return legacyApi('/api/admin/users', { method: 'POST', body: input });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.users }),
  });
}
