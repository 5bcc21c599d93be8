import { useSession } from '@/lib/session';
import { useOrgUnits } from '../api/get-org-units';
import type { School } from '../types';

/**
 * Schools at or below the user's own unit (a school's clerk: that school), from the org tree the
 * user may read: the schools whose register the user may keep.
 */
export function useManagedSchools(): School[] {
  const me = useSession();
  const units = useOrgUnits();
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
