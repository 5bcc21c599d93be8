import type { Actor } from '../../platform/auth/actor.ts';

/**
 * Who sees and keeps the student register (学籍). Pure functions over the actor and facts the
 * service loads.
 * - `learner.read`: the learners of schools in the actor's scope (a school's clerk: that school;
 *   the coordinator: the district). ID numbers always masked.
 * - `learner.manage` (a school's clerk): keep its own school's register — the cohort from 报到,
 *   status changes, the clear ID view.
 * Not visible → 404 (the service answers `notFound`); visible but not allowed → 403.
 */

/** The school ids whose learners the actor sees, or null for every school. */
export function visibleSchoolIds(actor: Actor): readonly string[] | null {
  if (!actor.permissions.has('learner.read')) return [];
  return actor.scope.all ? null : actor.scope.orgUnitIds;
}

/** Sees the register of this school. */
export function canSeeSchool(actor: Actor, schoolId: string): boolean {
  const ids = visibleSchoolIds(actor);
  return ids === null || ids.includes(schoolId);
}

/**
 * Keeps the register of this school: its own clerk only. A clerk's scope is its unit's whole
 * subtree, so a clerk of a unit above the schools (区教育局, 区政府) sees them, but keeping them —
 * and the clear ID view that goes with it — is the school's own (security review).
 */
export function mayManageSchool(actor: Actor, schoolId: string): boolean {
  return (
    actor.permissions.has('learner.manage') && actor.orgUnitId === schoolId && canSeeSchool(actor, schoolId)
  );
}

/** What the actor may do with a learner (sent with it, for the UI). */
export function learnerAbilities(actor: Actor, learner: { schoolId: string; kind: 'student' | 'social' }) {
  // A social learner (社会学习者) is not on the student register: no status to change.
  return { changeStatus: learner.kind === 'student' && mayManageSchool(actor, learner.schoolId) };
}
