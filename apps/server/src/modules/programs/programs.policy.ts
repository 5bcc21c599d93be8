import type { ResourceShareState } from '@zhijiao/contracts';
import { inScope, type Actor } from '../../platform/auth/actor.ts';

/**
 * Who sees and does what in programs. Pure functions over the actor and the record's facts.
 * - A school's records (majors, courses, textbooks, projects, resources) are seen by the users of
 *   the school and of the units above it (the bureau, the district's coordinators and viewers).
 * - A resource shared district-wide is seen by every reader of that district as well.
 * - `program.manage` (a school's clerk) keeps its own school's records — not a clerk of a unit
 *   above the schools, whose scope takes them in; `program.review` (the district) reviews projects
 *   and sharing requests of its district.
 * What may be done in which state is declared by the workflows (project-lifecycle.ts,
 * resources.workflow.ts).
 */

/** The school's records are visible to the actor. */
export function canSeeSchoolRecord(actor: Actor, schoolId: string): boolean {
  return inScope(actor, schoolId);
}

/** Resources: the school's own and those shared in the actor's district. */
export function canSeeResource(
  actor: Actor,
  r: { schoolId: string; districtId: string; shareState: ResourceShareState },
): boolean {
  if (inScope(actor, r.schoolId)) return true;
  return r.shareState === 'shared' && (actor.scope.all || actor.districtId === r.districtId);
}

/**
 * Keeps the records of this school (majors, courses and textbooks, projects it applies for,
 * resources and their sharing requests): its own clerk only. A clerk's scope is its unit's whole
 * subtree, so a clerk of a unit above the schools (区教育局, 区政府) sees them, but keeping them is
 * the school's own (security review). The district decides through `program.review`, not this.
 */
export function mayManageSchool(actor: Actor, schoolId: string): boolean {
  return actor.permissions.has('program.manage') && actor.orgUnitId === schoolId && inScope(actor, schoolId);
}

/** Reviews projects and sharing requests of this district. */
export function mayReview(actor: Actor, districtId: string): boolean {
  return actor.permissions.has('program.review') && (actor.scope.all || actor.districtId === districtId);
}
