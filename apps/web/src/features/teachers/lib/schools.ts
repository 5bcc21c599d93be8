import { useQuery } from '@tanstack/react-query';
import { legacyApi } from '@/lib/api-client';
import type { Items, Me, OrgUnit, UnitRef } from '@/lib/api-types';

/**
 * Schools at or below the user's own unit (a school's clerk: that school), from the org tree the
 * user may read: the schools whose register the user may keep.
 */
export function useManagedSchools(me: Me | null): UnitRef[] {
  const units = useQuery({
    queryKey: ['org-units'],
    queryFn: async () => (await legacyApi<Items<OrgUnit>>('/api/org-units')).items,
    staleTime: 5 * 60_000,
  });
  if (!me || !units.data) return [];
  const below = new Set([me.orgUnit.id]);
  for (let grew = true; grew;) {
    grew = false;
    for (const u of units.data)
      if (u.parentId && below.has(u.parentId) && !below.has(u.id)) {
        below.add(u.id);
        grew = true;
      }
  }
  return units.data
    .filter((u) => u.type === 'school' && below.has(u.id))
    .map((u) => ({ id: u.id, code: u.code, name: u.name }));
}
