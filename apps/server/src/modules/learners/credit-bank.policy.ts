import type { Actor } from '../../platform/auth/actor.ts';
import { canSeeSchool, mayManageSchool } from './learners.policy.ts';

/**
 * Who keeps the credit bank (学分银行). Pure functions over the actor and facts the service loads.
 * - Learning outcomes are seen as the learner is (`learner.read`: a school's clerk its own school's
 *   learners, the coordinator the district's).
 * - A school's own clerk (`learner.manage`, its own unit) records its learners' outcomes and
 *   imports their 1+X results: the school knows its students, not whether the outcome counts.
 * - The district recognises (认定), refuses and revokes (`creditBank.review`: 区教育局's
 *   coordinator), for learners of its own district only, and keeps the district's
 *   learning-outcome catalogue. A school never recognises what it recorded itself.
 * Not visible → 404 (the service answers `notFound`); visible but not allowed → 403.
 */

/** Records outcomes for learners of this school: its own clerk only (as the register). */
export function mayRecordOutcomes(actor: Actor, schoolId: string): boolean {
  return mayManageSchool(actor, schoolId);
}

/** Recognises, refuses and revokes outcomes of learners of this school: the district's reviewer. */
export function mayReviewOutcomes(actor: Actor, learner: { schoolId: string; districtId: string }): boolean {
  return (
    actor.permissions.has('creditBank.review') &&
    actor.districtId === learner.districtId &&
    canSeeSchool(actor, learner.schoolId)
  );
}

/** Reads the district's learning-outcome catalogue: any reader of learners in the district. */
export function mayReadCatalogue(actor: Actor, districtId: string): boolean {
  return (
    (actor.permissions.has('learner.read') || actor.permissions.has('creditBank.review')) &&
    actor.districtId === districtId
  );
}

/** Keeps (versions) the district's learning-outcome catalogue: the district's reviewer. */
export function mayKeepCatalogue(actor: Actor, districtId: string): boolean {
  return actor.permissions.has('creditBank.review') && actor.districtId === districtId;
}

/** What the actor may do with an outcome (sent with it, for the UI). */
export function outcomeAbilities(
  actor: Actor,
  outcome: { schoolId: string; districtId: string; status: string },
) {
  const review = mayReviewOutcomes(actor, outcome);
  return {
    recognise: review && outcome.status === 'pending',
    refuse: review && outcome.status === 'pending',
    revoke: review && outcome.status === 'recognised',
  };
}

/** What the actor may do with a conversion (sent with it, for the UI): the district's reviewer decides and reverses. */
export function conversionAbilities(
  actor: Actor,
  c: { schoolId: string; districtId: string; status: 'applied' | 'approved' | 'refused' | 'reversed' },
) {
  const review = mayReviewOutcomes(actor, c);
  return {
    approve: review && c.status === 'applied',
    refuse: review && c.status === 'applied',
    reverse: review && c.status === 'approved',
  };
}
