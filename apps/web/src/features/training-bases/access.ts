import { keepsHighLevelBases, keepsVocationalRecords } from '@zhijiao/contracts';
import { can } from '@/lib/permissions';
import type { Me } from '@/lib/session';

/** 区发改科技局: keeps the district's high-level bases. */
export function keepsBases(me: Me | null | undefined): boolean {
  return !!me && can(me, 'trainingBase.manage') && keepsHighLevelBases(me.orgUnit);
}

/** A vocational school: keeps its own bases and books. */
export function isSchool(me: Me | null | undefined): boolean {
  return !!me && keepsVocationalRecords(me.orgUnit);
}

/**
 * Whether the bases pages are the user's: the keeper, a vocational school, an enterprise, or a
 * district-wide reader (no keeping permission). A bureau's clerk without bases: no menu.
 */
export function worksOnBases(me: Me | null | undefined): boolean {
  if (!me || !can(me, 'trainingBase.read')) return false;
  if (!can(me, 'trainingBase.manage') && !can(me, 'trainingBase.book')) return true;
  return keepsBases(me) || isSchool(me) || me.orgUnit.type === 'enterprise';
}

/** Whether the groups page is the user's: the district's readers, schools, colleges and enterprises. */
export function worksOnGroups(me: Me | null | undefined): boolean {
  if (!me || !can(me, 'vetGroup.read')) return false;
  if (!can(me, 'trainingBase.book')) return true;
  return isSchool(me) || me.orgUnit.type === 'enterprise' || me.orgUnit.type === 'college';
}
