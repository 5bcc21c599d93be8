import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type ApiBody } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type GrantRoleInput = ApiBody<'put', '/api/admin/users/{id}/role'>;

/** Grants or changes an account's business role and its scope (security admin; audited). */
export async function grantRole({ id, ...body }: GrantRoleInput & { id: string }) {
  await api.put('/api/admin/users/{id}/role', { path: { id }, body });
}

export function useGrantRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: grantRole,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.users }),
  });
}
