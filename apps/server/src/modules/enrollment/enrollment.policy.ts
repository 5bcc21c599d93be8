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

/** A junior high school's clerk fills preferences for its own candidates only. */
export function canFillPreferences(actor: Actor, candidate: { schoolId: string }): boolean {
  return can(actor, 'enrollment.preferences') && inScope(actor, candidate.schoolId);
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

/** 报到 is confirmed by the receiving school's clerk. */
export function canRegister(actor: Actor, program: { schoolId: string }): boolean {
  return can(actor, 'enrollment.register') && inScope(actor, program.schoolId);
}

/**
 * What the UI may offer on a season, by the same rules the services enforce: preferences for a
 * candidate of one of the actor's junior highs, 报到 for a program of one of their schools.
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
