import { overseesInternshipDuty, type EvaluationParty, type PostState } from '@zhijiao/contracts';
import { inScope, type Actor } from '../../platform/auth/actor.ts';

/**
 * Who sees and does what with internships. Pure functions over the actor and the record's facts.
 * - An enterprise's account (`internship.post` at the enterprise unit) keeps its own posts and the
 *   attendance of the interns placed on them, and sees those placements (names, masked IDs).
 * - A vocational school's account (`internship.place` at the school) places its own students on
 *   published posts and puts their documents on file.
 * - Records are read within the actor's scope: the coordinator and leaders (district-wide scope)
 *   read all, a school or enterprise its own, a unit above the schools (区教育局) its schools'
 *   placements and the posts they are on. A unit whose scope holds neither the school nor the
 *   enterprise (a bureau's clerk) reads the aggregate numbers only (the 2 % table, `internshipDutyTable`).
 * Whether the actor's unit is an enterprise or a vocational school is checked when a post or
 * placement is made (the unit must be the record's own); later steps compare the actor's unit with
 * the record's, so no account ever writes another unit's records.
 */

/** The enterprise's own account: may publish, edit and close its posts and keep attendance. */
export function mayKeepPosts(actor: Actor, enterpriseId: string): boolean {
  return actor.permissions.has('internship.post') && actor.orgUnitId === enterpriseId;
}

/** The school's own account: may place its students and keep their placements. */
export function mayKeepPlacements(actor: Actor, schoolId: string): boolean {
  return actor.permissions.has('internship.place') && actor.orgUnitId === schoolId;
}

/**
 * Which party of the placement the actor acts for: its school's own account (the school
 * supervisor's side) or its host enterprise's (the mentor's side), else null. Either may report an
 * incident; each writes its own evaluation.
 */
export function partyOf(actor: Actor, p: { schoolId: string; enterpriseId: string }): EvaluationParty | null {
  if (mayKeepPlacements(actor, p.schoolId)) return 'school';
  if (mayKeepPosts(actor, p.enterpriseId)) return 'enterprise';
  return null;
}

/**
 * A post is seen by whoever has the enterprise in scope (drafts included), once published by
 * every placing school of the same district (it is an offer to them), and by whoever sees a
 * placement on it (`placedFromScope`: a placement's school is in the actor's scope) — a unit above
 * the schools reads their placements, so it reads the posts they are on too.
 */
export function canSeePost(
  actor: Actor,
  post: { enterpriseId: string; districtId: string; state: PostState },
  actorPlaces: boolean,
  placedFromScope = false,
): boolean {
  if (!actor.permissions.has('internship.read')) return false;
  if (inScope(actor, post.enterpriseId) || placedFromScope) return true;
  return post.state !== 'draft' && actorPlaces && actor.districtId === post.districtId;
}

/** A placement is seen by whoever has its school or its enterprise in scope. */
export function canSeePlacement(actor: Actor, p: { schoolId: string; enterpriseId: string }): boolean {
  return (
    actor.permissions.has('internship.read') && (inScope(actor, p.schoolId) || inScope(actor, p.enterpriseId))
  );
}

/**
 * Whether the actor reads the student's own papers — the consent form and the insurance policy,
 * which carry the student's and guardian's particulars: the school's readers (the school, and the
 * district's over it). The host enterprise reads the agreement it signed, not those.
 */
export function readsStudentPapers(actor: Actor, p: { schoolId: string }): boolean {
  return actor.permissions.has('internship.read') && inScope(actor, p.schoolId);
}

/** The school's own reader sees the student's guardian; the enterprise and the district do not. */
export function seesGuardian(actor: Actor, p: { schoolId: string }): boolean {
  return actor.orgUnitId === p.schoolId;
}

/**
 * Which enterprises' rows of the 2 % table the actor sees (their posts, placements, staff count and
 * duty), as the SQL filter: an enterprise's account its own only — the others' staff and shortfalls
 * are theirs and the register's — and none when it asks for another's; every other reader
 * (bureaus, schools, the coordinator) all rows, or the one asked for (`undefined`: no filter).
 * The district's line stays for everyone: it is the published indicator's value with its
 * numerator and denominator (places and staff in sum) and counts of enterprises.
 *
 * @example dutyRowsSeen(zhendongClerk, true, undefined) // [zhendongId]
 */
export function dutyRowsSeen(
  actor: Actor,
  actorIsEnterprise: boolean,
  asked: string | undefined,
): readonly string[] | undefined {
  if (actorIsEnterprise) return asked && asked !== actor.orgUnitId ? [] : [actor.orgUnitId];
  return asked ? [asked] : undefined;
}

/**
 * Who is told of the enterprises short of their 2 % duty (alert `internship_duty_short`), as the
 * plan's task （十三） and issue 13 name them: the district's coordinator and the bureaus that see
 * to the duty (`overseesInternshipDuty`: 区工信局 and 区国资发展中心 in Shangdang) of every enterprise
 * of their district; an enterprise's account of its own; nobody else — schools, other bureaus and
 * leaders read the duty in the summary, it is not theirs to chase.
 *
 * @example dutyAlertAudience(iitClerk, { type: 'bureau', groups: ['internship-duty-oversight'] }) // 'district'
 */
export function dutyAlertAudience(
  actor: Actor,
  unit: { type: string; groups: readonly string[] } | null,
): 'district' | 'own' | null {
  if (!actor.permissions.has('internship.read') || !unit) return null;
  if (unit.type === 'enterprise') return 'own';
  return actor.role === 'coordinator' || overseesInternshipDuty(unit) ? 'district' : null;
}
