import { PROJECT_LEVELS, type ProjectKind, type ProjectLevel, type ProjectState } from '@zhijiao/contracts';
import { AppError, fieldError } from '../../platform/errors/app-error.ts';

/**
 * The one lifecycle of every recognised project, as data: which action leads from which states
 * to which state. Pure; the service refuses anything this table does not allow.
 *
 * 申报: draft → applied (submit); a school may withdraw a draft or an undecided application.
 * 评审: reviewers score an applied project (→ reviewing) and may change their own score while it
 *       is under review.
 * 立项: reviewing → approved (with a level), or applied / reviewing → rejected.
 * 中期检查: approved → midterm_passed, or failed.
 * 验收: midterm_passed → accepted, or failed.
 */
export type ProjectAction =
  | 'edit'
  | 'submit'
  | 'withdraw'
  | 'score'
  | 'approve'
  | 'reject'
  | 'passMidterm'
  | 'failMidterm'
  | 'accept'
  | 'failAcceptance';

const RULES: Record<ProjectAction, { from: readonly ProjectState[]; to: ProjectState | null }> = {
  edit: { from: ['draft'], to: null },
  submit: { from: ['draft'], to: 'applied' },
  withdraw: { from: ['draft', 'applied'], to: 'withdrawn' },
  score: { from: ['applied', 'reviewing'], to: 'reviewing' },
  approve: { from: ['reviewing'], to: 'approved' },
  reject: { from: ['applied', 'reviewing'], to: 'rejected' },
  passMidterm: { from: ['approved'], to: 'midterm_passed' },
  failMidterm: { from: ['approved'], to: 'failed' },
  accept: { from: ['midterm_passed'], to: 'accepted' },
  failAcceptance: { from: ['midterm_passed'], to: 'failed' },
};

/** States from which `action` is allowed. */
export function statesAllowing(action: ProjectAction): readonly ProjectState[] {
  return RULES[action].from;
}

/**
 * The state after `action`, or null when the action is not allowed in `state` (`edit` keeps the
 * state).
 *
 * @example nextProjectState('reviewing', 'approve') // 'approved'
 * @example nextProjectState('applied', 'accept')    // null
 */
export function nextProjectState(state: ProjectState, action: ProjectAction): ProjectState | null {
  const rule = RULES[action];
  if (!rule.from.includes(state)) return null;
  return rule.to ?? state;
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
