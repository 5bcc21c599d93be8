import type { Actor } from '../../platform/auth/actor.ts';

/**
 * Who sees and does what with teacher records. Pure functions over the actor and facts the service
 * loads.
 * - `teacher.read`: the teachers of schools in the actor's scope (a school's clerk: that school; the
 *   coordinator and viewers: their district).
 * - `teacher.manage` (a school's clerk): keep its own school's register, apply for 双师型 and do
 *   the school's review of those applications; see ID numbers and phones in clear, one audited view
 *   at a time.
 * - `teacher.review` (the district's coordinator): decide 双师型 applications, record recognitions,
 *   grant recruitment exceptions and change the district's teacher settings.
 * Not visible → 404 (the service answers `notFound`); visible but not allowed → 403. Who takes
 * which step of a 双师型 application is declared in dq-application.workflow.ts.
 */

/** The school ids whose teachers the actor sees, or null for every school. */
export function visibleSchoolIds(actor: Actor): readonly string[] | null {
  if (!actor.permissions.has('teacher.read')) return [];
  return actor.scope.all ? null : actor.scope.orgUnitIds;
}

export function canSeeSchool(actor: Actor, schoolId: string): boolean {
  const ids = visibleSchoolIds(actor);
  return ids === null || ids.includes(schoolId);
}

/**
 * Keeps the register of this school, applies and reviews at school level: its own clerk only. A
 * clerk's scope is its unit's whole subtree, so a clerk of a unit above the schools (区教育局,
 * 区政府) sees them, but keeping them — and the clear ID and phone view that goes with it — is the
 * school's own (security review). The district decides through `teacher.review`, not this.
 */
export function mayManageSchool(actor: Actor, schoolId: string): boolean {
  return (
    actor.permissions.has('teacher.manage') && actor.orgUnitId === schoolId && canSeeSchool(actor, schoolId)
  );
}

/** Decides at district level for teachers of this district. */
export function mayReviewDistrict(actor: Actor, districtId: string): boolean {
  return actor.permissions.has('teacher.review') && (actor.scope.all || actor.districtId === districtId);
}

/** What the actor may do with a teacher record (sent with it, for the UI). */
export function teacherAbilities(
  actor: Actor,
  t: { schoolId: string; districtId: string; employed: boolean; openApplication: boolean },
) {
  const manage = mayManageSchool(actor, t.schoolId);
  const review = mayReviewDistrict(actor, t.districtId);
  return {
    edit: manage,
    unmask: manage,
    apply: manage && t.employed && !t.openApplication,
    recordRecognition: review,
    grantException: review,
  };
}
