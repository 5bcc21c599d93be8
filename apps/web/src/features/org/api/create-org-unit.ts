import type { OrgUnitType } from '@zhijiao/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { legacyApi } from '@/lib/api-client';
import type { OrgUnit } from '@/lib/api-types';
import { queryKeys } from '@/lib/query-keys';

export interface CreateOrgUnitInput {
  code: string;
  name: string;
  fullName: string;
  nameEn: string;
  type: OrgUnitType;
  groups: string[];
  parentCode: string | null;
}

/** Adds an org unit under a parent (system admin). */
export async function createOrgUnit(input: CreateOrgUnitInput): Promise<OrgUnit> {
  return legacyApi('/api/org-units', { method: 'POST', body: input });
}

export function useCreateOrgUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createOrgUnit,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.orgUnits }),
  });
}
