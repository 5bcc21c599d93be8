import { keepsVocationalRecords } from '@zhijiao/contracts';
import { can, canAny } from '@/lib/permissions';
import type { Me } from '@/lib/session';

/** An enterprise's account: publishes its posts and keeps its interns' attendance. */
export function isEnterprise(me: Me | null | undefined): boolean {
  return !!me && can(me, 'internship.post') && me.orgUnit.type === 'enterprise';
}

/** A vocational school's account: places its students on posts. */
export function placesStudents(me: Me | null | undefined): boolean {
  return !!me && can(me, 'internship.place') && keepsVocationalRecords(me.orgUnit);
}

/**
 * Whether the internship pages are the user's: an enterprise, a vocational school, or a
 * district-wide reader (coordinator, leaders: they hold neither keeping permission). A bureau's
 * clerk holds the permissions as a unit clerk but keeps no internship records: no menu.
 */
export function worksOnInternships(me: Me | null | undefined): boolean {
  if (!me || !can(me, 'internship.read')) return false;
  if (!canAny(me, ['internship.post', 'internship.place'])) return true;
  return isEnterprise(me) || placesStudents(me);
}
