import type { EnrollmentSeasonState } from '@zhijiao/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { defineWorkflow } from '../../platform/workflow/workflow.ts';
import { canFillPreferences, canManageSeason, canRegister, type SeasonRef } from './enrollment.policy.ts';

/** What the season's rules read: its district, and for a candidate's or a program's step, their school. */
export interface SeasonFacts extends SeasonRef {
  schoolId?: string;
}

/**
 * A season's life (招生季): set up (batches, programs, candidates), open (preferences, matching,
 * 报到), closed. Besides the two moves, the steps say what each state allows: set-up changes until
 * the season closes; preferences, matching and 报到 only while it is open.
 *
 * @example seasonWorkflow.assert('fillPreferences', clerk, { ...season, schoolId: candidate.schoolId });
 */
export const seasonWorkflow = defineWorkflow({
  table: 'enrollmentSeason',
  auditPrefix: 'enrollment.season',
  objectType: 'enrollment_season',
  conflict: 'ENROLLMENT_SEASON_STATE',
  steps: {
    open: { from: ['setup'], to: 'open', may: canManageSeason, action: 'open' },
    close: { from: ['open'], to: 'closed', may: canManageSeason, action: 'closed' },
    /** Add a batch or a program, import candidates. */
    setUp: { from: ['setup', 'open'], may: canManageSeason },
    /** Start a batch's match. */
    match: { from: ['open'], may: canManageSeason },
    /** Set a candidate's choices (`schoolId`: the candidate's junior high). */
    fillPreferences: {
      from: ['open'],
      may: (actor: Actor, f: SeasonFacts) =>
        f.schoolId !== undefined && canFillPreferences(actor, { schoolId: f.schoolId }),
    },
    /** Record 报到 (`schoolId`: the receiving school). */
    register: {
      from: ['open'],
      may: (actor: Actor, f: SeasonFacts) =>
        f.schoolId !== undefined && canRegister(actor, { schoolId: f.schoolId }),
    },
  },
});

export type SeasonStep = (typeof seasonWorkflow)['steps'][number];

/** Whether the season's state allows `step` at all, whoever asks (e.g. whether choices are locked). */
export function seasonAllows(step: SeasonStep, state: EnrollmentSeasonState): boolean {
  return seasonWorkflow.definition.steps[step].from.includes(state);
}
