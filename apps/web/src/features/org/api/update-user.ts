import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type ApiBody } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type UpdateUserInput = ApiBody<'patch', '/api/admin/users/{id}'> & { id: string };

/** Disables or enables an account (system admin). Roles are granted apart: `grant-role.ts`. */
export async function updateUser({ id, ...changes }: UpdateUserInput) {
  await api.patch('/api/admin/users/{id}', { path: { id }, body: changes });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.users }),
  });
}
