import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type ApiBody } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

export type CreateOrgUnitInput = ApiBody<'post', '/api/org-units'>;

/** Adds an org unit under a parent (system admin). */
export async function createOrgUnit(body: CreateOrgUnitInput) {
  return api.post('/api/org-units', { body });
}

export function useCreateOrgUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createOrgUnit,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.orgUnits }),
  });
}
