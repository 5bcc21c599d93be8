import type { Role } from '@zhijiao/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { legacyApi } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export interface UpdateUserInput {
  id: string;
  disabled?: boolean;
  role?: Role;
}

/** Disables or enables an account (system admin) or changes its role (security admin). */
export async function updateUser({ id, ...changes }: UpdateUserInput): Promise<unknown> {
  return legacyApi(`/api/admin/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: changes });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.users }),
  });
}
