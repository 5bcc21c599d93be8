import type { EnrollmentSeasonState } from '@zhijiao/contracts';
import { can, inScope, type Actor } from '../../platform/auth/actor.ts';

/** The season's district: who may see a season at all. */
export interface SeasonRef {
  districtId: string;
}

/**
 * A season is visible to everyone working in its district (junior highs fill preferences,
 * receiving schools see their lists) and to actors whose scope holds the district.
 */
export function canSeeSeason(actor: Actor, season: SeasonRef): boolean {
  return (
    can(actor, 'enrollment.read') &&
    (actor.districtId === season.districtId || inScope(actor, season.districtId))
  );
}

/** 招生办: sets the season up, imports candidates, runs and publishes matches. */
export function canManageSeason(actor: Actor, season: SeasonRef): boolean {
  return can(actor, 'enrollment.manage') && inScope(actor, season.districtId);
}

/**
 * A junior high school's clerk fills preferences for its own candidates only: the candidate's
 * school must be the clerk's own unit. A clerk's scope is its unit's whole subtree, so a clerk of a
 * unit above the schools (区教育局) sees the candidates, but filling their choices is their junior
 * high's (security review). 招生办 manages the season and holds no `enrollment.preferences`.
 */
export function canFillPreferences(actor: Actor, candidate: { schoolId: string }): boolean {
  return (
    can(actor, 'enrollment.preferences') &&
    actor.orgUnitId === candidate.schoolId &&
    inScope(actor, candidate.schoolId)
  );
}

/** Who sees a candidate's record and preferences: the manager, or the candidate's junior high. */
export function canSeeCandidate(actor: Actor, season: SeasonRef, candidate: { schoolId: string }): boolean {
  return (
    canManageSeason(actor, season) || (can(actor, 'enrollment.read') && inScope(actor, candidate.schoolId))
  );
}

/** Who sees a program's admitted list and notices: the manager, or the receiving school. */
export function canSeeAdmissions(actor: Actor, season: SeasonRef, program: { schoolId: string }): boolean {
  return (
    canManageSeason(actor, season) || (can(actor, 'enrollment.read') && inScope(actor, program.schoolId))
  );
}

/**
 * 报到 is confirmed by the receiving school's own clerk: the program's school must be the clerk's
 * own unit, not merely in its scope (a clerk of 区教育局 sees every school's admitted list but
 * confirms none; security review). 招生办 holds no `enrollment.register`.
 */
export function canRegister(actor: Actor, program: { schoolId: string }): boolean {
  return (
    can(actor, 'enrollment.register') &&
    actor.orgUnitId === program.schoolId &&
    inScope(actor, program.schoolId)
  );
}

/**
 * What the UI may offer on a season, by the same rules the services enforce: preferences for a
 * candidate of the actor's own junior high, 报到 for a program of the actor's own school.
 *
 * @example seasonAbilities(clerk, season, { candidateSchoolIds: [clerk.orgUnitId], programSchoolIds: [] })
 * // { manage: false, fillPreferences: true, register: false }
 */
export function seasonAbilities(
  actor: Actor,
  season: SeasonRef,
  schools: { candidateSchoolIds: readonly string[]; programSchoolIds: readonly string[] },
) {
  const manage = canManageSeason(actor, season);
  return {
    manage,
    fillPreferences: schools.candidateSchoolIds.some((schoolId) => canFillPreferences(actor, { schoolId })),
    register: schools.programSchoolIds.some((schoolId) => canRegister(actor, { schoolId })),
  };
}

/** The public pages (cut-offs, result look-up) show a season once it is past set-up. */
export function isPublicSeason(season: { state: EnrollmentSeasonState }): boolean {
  return season.state !== 'setup';
}
