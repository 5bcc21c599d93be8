import { keepsVocationalRecords } from '@zhijiao/contracts';
import { can } from '@/lib/permissions';
import type { Me } from '@/lib/session';

/** A vocational school's account: keeps its agreements, apprenticeships and centres. */
export function keepsCooperation(me: Me | null | undefined): boolean {
  return !!me && can(me, 'cooperation.manage') && keepsVocationalRecords(me.orgUnit);
}

/**
 * Whether the cooperation pages are the user's: a vocational school, an enterprise (party to
 * agreements, approves apprenticeships) or a district-wide reader (coordinator, leaders). A bureau's
 * clerk holds the permissions as a unit clerk but is party to no cooperation: no menu.
 */
export function worksOnCooperation(me: Me | null | undefined): boolean {
  if (!me || !can(me, 'cooperation.read')) return false;
  if (!can(me, 'cooperation.manage')) return true;
  return keepsCooperation(me) || me.orgUnit.type === 'enterprise';
}
