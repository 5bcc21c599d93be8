import { keepsVocationalRecords } from '@zhijiao/contracts';
import { useSession } from '@/lib/session';
import { useOrgUnits } from '../api/get-org-units';
import type { School } from '../types';
import { unitsBelow } from './units-below';

type Unit = {
  id: string;
  code: string;
  name: string;
  type: string;
  groups: string[];
  parentId: string | null;
};

const toSchool = (u: Unit): School => ({ id: u.id, code: u.code, name: u.name });

/**
 * The schools whose register the user reads — the school filter's choices: those at or below the
 * user's own unit (a school's clerk: its own school), or, for a district-wide reader whose unit
 * holds no school (the coordinator), every register-keeping school the user may read.
 */
export function useRegisterSchools(): School[] {
  const me = useSession();
  const units = useOrgUnits();
  if (!me || !units.data) return [];
  const schools = units.data.filter(keepsVocationalRecords);
  const below = unitsBelow(units.data, me.orgUnit.id);
  const own = schools.filter((u) => below.has(u.id));
  return (own.length > 0 ? own : schools).map(toSchool);
}

/**
 * The register-keeping schools at or below the user's own unit (a school's clerk: that school):
 * the schools whose register the user may keep, given `learner.manage`.
 */
export function useManagedSchools(): School[] {
  const me = useSession();
  const units = useOrgUnits();
  if (!me || !units.data) return [];
  const below = unitsBelow(units.data, me.orgUnit.id);
  return units.data.filter((u) => keepsVocationalRecords(u) && below.has(u.id)).map(toSchool);
}
