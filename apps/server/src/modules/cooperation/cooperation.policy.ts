import { inScope, type Actor } from '../../platform/auth/actor.ts';

/**
 * Who sees and does what with cooperation records. Pure functions over the actor and the record's
 * facts.
 * - A vocational school's account (`cooperation.manage` at the school) keeps its own agreements,
 *   apprenticeships and centres, and gives the school's approval of an apprenticeship.
 * - An enterprise's account (`cooperation.manage` at the enterprise) sees what it is party to and
 *   gives the enterprise's approval (or returns the programme to the school).
 * - Records are read within the actor's scope: the coordinator and leaders (district-wide) read
 *   all; a school its own; an enterprise those naming it as party or partner.
 */

/** The school's own account: keeps its agreements, apprenticeships and centres. */
export function mayKeepAsSchool(actor: Actor, schoolId: string): boolean {
  return actor.permissions.has('cooperation.manage') && actor.orgUnitId === schoolId;
}

/** The enterprise's own account: approves or returns an apprenticeship it is party to. */
export function mayActAsEnterprise(actor: Actor, enterpriseId: string): boolean {
  return actor.permissions.has('cooperation.manage') && actor.orgUnitId === enterpriseId;
}

/** An agreement or apprenticeship is seen by whoever has its school or its enterprise in scope. */
export function canSeeParties(actor: Actor, r: { schoolId: string; enterpriseId: string }): boolean {
  return (
    actor.permissions.has('cooperation.read') &&
    (inScope(actor, r.schoolId) || inScope(actor, r.enterpriseId))
  );
}

/** A centre is seen by whoever has its school or one of its partner enterprises in scope. */
export function canSeeCentre(actor: Actor, c: { schoolId: string; partnerIds: readonly string[] }): boolean {
  return (
    actor.permissions.has('cooperation.read') &&
    (inScope(actor, c.schoolId) || c.partnerIds.some((id) => inScope(actor, id)))
  );
}
