import { PROJECT_LEVELS, type ProjectKind, type ProjectLevel, type ProjectState } from '@zhijiao/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { AppError, fieldError } from '../../platform/errors/app-error.ts';
import { defineWorkflow } from '../../platform/workflow/workflow.ts';
import { mayManageSchool, mayReview } from './programs.policy.ts';

/** What the lifecycle's rules read of a project: whose it is. */
interface ProjectFacts {
  schoolId: string;
  districtId: string;
}

const school = (actor: Actor, p: ProjectFacts) => mayManageSchool(actor, p.schoolId);
const district = (actor: Actor, p: ProjectFacts) => mayReview(actor, p.districtId);

/**
 * The one lifecycle of every recognised project, declared once: which step leads from which
 * states to which state, and who takes it (the school, or the district's reviewers). Each step
 * writes a history row (`program_project_event`) and an audit row `programs.project.<action>`.
 *
 * 申报: a new project is a draft or applied at once (submit); a school may withdraw a draft or an
 *       undecided application.
 * 评审: reviewers score an applied project (→ reviewing) and may change their own score while it
 *       is under review.
 * 立项: reviewing → approved (with a level), or applied / reviewing → rejected.
 * 中期检查: approved → midterm_passed, or failed.
 * 验收: midterm_passed → accepted, or failed.
 * Whoever wrote, edited or submitted a project (its history says) takes none of the district's
 * steps on it, whatever their permissions.
 */
export const projectLifecycle = defineWorkflow({
  table: 'programProject',
  history: { table: 'programProjectEvent', key: 'projectId' },
  auditPrefix: 'programs.project',
  objectType: 'program_project',
  conflict: 'PROGRAM_INVALID_TRANSITION',
  steps: {
    // Recorded for a project just written (no state leads to it).
    create: { from: [] as ProjectState[], to: 'draft', may: school, action: 'created', authors: true },
    edit: { from: ['draft'], may: school, action: 'updated', authors: true },
    submit: { from: ['draft'], to: 'applied', may: school, action: 'submitted', authors: true },
    withdraw: { from: ['draft', 'applied'], to: 'withdrawn', may: school, action: 'withdrawn' },
    score: {
      from: ['applied', 'reviewing'],
      to: 'reviewing',
      may: district,
      action: 'scored',
      reviews: true,
    },
    approve: { from: ['reviewing'], to: 'approved', may: district, action: 'approved', reviews: true },
    reject: {
      from: ['applied', 'reviewing'],
      to: 'rejected',
      may: district,
      action: 'rejected',
      reviews: true,
    },
    passMidterm: {
      from: ['approved'],
      to: 'midterm_passed',
      may: district,
      action: 'midterm_passed',
      reviews: true,
    },
    failMidterm: { from: ['approved'], to: 'failed', may: district, action: 'midterm_failed', reviews: true },
    accept: {
      from: ['midterm_passed'],
      to: 'accepted',
      may: district,
      action: 'acceptance_passed',
      reviews: true,
    },
    failAcceptance: {
      from: ['midterm_passed'],
      to: 'failed',
      may: district,
      action: 'acceptance_failed',
      reviews: true,
    },
  },
});

export type ProjectAction = keyof typeof projectLifecycle.definition.steps;

/**
 * The state after `action`, or null when the action is not allowed in `state` (`edit` keeps the
 * state).
 *
 * @example nextProjectState('reviewing', 'approve') // 'approved'
 * @example nextProjectState('applied', 'accept')    // null
 */
export function nextProjectState(state: ProjectState, action: ProjectAction): ProjectState | null {
  const step = projectLifecycle.definition.steps[action];
  if (!step.from.includes(state)) return null;
  return step.to ?? state;
}

/** What the actor may do with a project now (the UI shows the buttons these allow). */
export function projectAbilities(actor: Actor, p: ProjectFacts & { state: ProjectState }) {
  const can = projectLifecycle.abilities(actor, p);
  return {
    edit: can.edit,
    submit: can.submit,
    withdraw: can.withdraw,
    score: can.score,
    decide: can.reject,
    midterm: can.passMidterm,
    acceptance: can.accept,
  };
}

/** States in which a project counts as approved (立项 and not since failed). */
export const APPROVED_STATES: readonly ProjectState[] = ['approved', 'midterm_passed', 'accepted'];
/** States in which a project is finished. */
export const CLOSED_STATES: readonly ProjectState[] = ['rejected', 'accepted', 'failed', 'withdrawn'];

/**
 * The project's score: the mean of its reviewers' scores (0–100, one decimal each), rounded half
 * up to two decimals; null before anyone has scored. Computed in tenths so 0.1 + 0.2 stays exact.
 *
 * @example averageScore([88, 91.5, 90]) // 89.83
 */
export function averageScore(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  const tenths = scores.reduce((sum, s) => sum + Math.round(s * 10), 0);
  return Math.round((tenths * 10) / scores.length) / 100;
}

/** What a kind of project must name besides its school. */
export function requiredSubject(kind: ProjectKind): 'major' | 'course' | 'teacher' | null {
  if (kind === 'brand_major') return 'major';
  if (kind === 'quality_course') return 'course';
  if (kind === 'master_studio' || kind === 'innovation_team' || kind === 'master_teacher') return 'teacher';
  return null;
}

/** Levels at or above `min` (provincial → provincial, national). */
export function levelsFrom(min: ProjectLevel): ProjectLevel[] {
  return PROJECT_LEVELS.slice(PROJECT_LEVELS.indexOf(min));
}

/**
 * A step's date (立项, 中期检查, 验收 …): `today` unless given; never in the future nor before the
 * previous step's date.
 *
 * @example stepDate('2021-05-20', '2021-05-01', '2021-04-10') // '2021-05-01'
 */
export function stepDate(today: string, on: string | undefined, notBefore: string | null): string {
  const date = on ?? today;
  if (date > today)
    throw fieldError('on', 'IN_FUTURE', '日期不能晚于今天', 'The date cannot be in the future');
  if (notBefore && date < notBefore)
    throw fieldError(
      'on',
      'BEFORE_PREVIOUS_STEP',
      `日期不能早于上一环节（${notBefore}）`,
      `The date cannot precede the previous step (${notBefore})`,
    );
  return date;
}

/** A reason or opinion, trimmed; refused when blank. */
export function requireText(text: string, field: string): string {
  const t = text.trim();
  if (!t)
    throw new AppError('PROGRAM_REASON_REQUIRED', 400, [
      { field, code: 'REQUIRED', message: '请填写理由或意见', messageEn: 'A reason or opinion is required' },
    ]);
  return t;
}
