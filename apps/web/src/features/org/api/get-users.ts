import type { Role } from '@zhijiao/contracts';
import { useQuery } from '@tanstack/react-query';
import { legacyApi } from '@/lib/api-client';
import type { Items, UnitRef } from '@/lib/api-types';
import { queryKeys } from '@/lib/query-keys';

export interface AdminUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  orgUnit: UnitRef;
  disabled: boolean;
  locked: boolean;
  mustChangePassword: boolean;
  totpEnabled: boolean;
  createdAt: string;
}

/** Every account, for the system and security administrators. */
export async function getUsers(): Promise<AdminUser[]> {
  return (await legacyApi<Items<AdminUser>>('/api/admin/users')).items;
}

export function useUsers() {
  return useQuery({ queryKey: queryKeys.users, queryFn: getUsers });
}
