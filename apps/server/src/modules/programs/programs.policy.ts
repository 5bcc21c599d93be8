import type { ProjectState, ResourceLicence, ResourceShareState } from '@zhijiao/contracts';
import { inScope, type Actor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { nextProjectState } from './project-lifecycle.ts';

/**
 * Who sees and does what in programs. Pure functions over the actor and the record's facts.
 * - A school's records (majors, courses, textbooks, projects, resources) are seen by the users of
 *   the school and of the units above it (the bureau, the district's coordinators and viewers).
 * - A resource shared district-wide is seen by every reader of that district as well.
 * - `program.manage` (a school's clerk) keeps the records of schools in their scope;
 *   `program.review` (the district) reviews projects and sharing requests of its district.
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

/** Keeps the records of this school. */
export function mayManageSchool(actor: Actor, schoolId: string): boolean {
  return actor.permissions.has('program.manage') && inScope(actor, schoolId);
}

/** Reviews projects and sharing requests of this district. */
export function mayReview(actor: Actor, districtId: string): boolean {
  return actor.permissions.has('program.review') && (actor.scope.all || actor.districtId === districtId);
}

/** What the actor may do with a project now (the UI shows the buttons these allow). */
export function projectAbilities(
  actor: Actor,
  p: { schoolId: string; districtId: string; state: ProjectState },
) {
  const manage = mayManageSchool(actor, p.schoolId);
  const review = mayReview(actor, p.districtId);
  const allowed = (action: Parameters<typeof nextProjectState>[1]) =>
    nextProjectState(p.state, action) !== null;
  return {
    edit: manage && allowed('edit'),
    submit: manage && allowed('submit'),
    withdraw: manage && allowed('withdraw'),
    score: review && allowed('score'),
    decide: review && allowed('reject'),
    midterm: review && allowed('passMidterm'),
    acceptance: review && allowed('accept'),
  };
}

/** What the actor may do with a resource now. */
export function resourceAbilities(
  actor: Actor,
  r: { schoolId: string; districtId: string; shareState: ResourceShareState; licence: ResourceLicence },
) {
  const manage = mayManageSchool(actor, r.schoolId);
  return {
    edit: manage,
    delete: manage,
    requestSharing:
      manage && (r.shareState === 'private' || r.shareState === 'refused') && r.licence !== 'school_only',
    reviewSharing: mayReview(actor, r.districtId) && r.shareState === 'pending',
  };
}

/** Allowed to act, just not in this state → 409; not allowed at all → 403. */
export function refusal(mayAct: boolean): AppError {
  return mayAct ? new AppError('PROGRAM_INVALID_TRANSITION', 409) : new AppError('FORBIDDEN', 403);
}
