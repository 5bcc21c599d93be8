import type { AlertTier } from '@zhijiao/contracts';
import { APPROACHING_DAYS, daysBetween, deadlineTier } from '../../platform/alerts/alert-tiers.ts';

/**
 * Colour tier of an open rectification order on `today`, the same scale as the plan's alerts:
 * 蓝 due within 7 days, 黄 up to 30 days late, 红 later; null while more than 7 days remain.
 *
 * @example orderTier('2021-06-01', '2021-05-28') // 'blue' (4 days left)
 */
export function orderTier(dueDate: string, today: string): AlertTier | null {
  return deadlineTier(dueDate, today).tier;
}

/** Days past the due date (negative = days left). */
export const orderDaysLate = (dueDate: string, today: string): number => daysBetween(dueDate, today);

/** The first day a due date counts as blue (7 days before it). */
export function blueFrom(today: string): string {
  return shiftDate(today, APPROACHING_DAYS);
}

/** `date` moved by `days` (calendar days, no time zone involved). */
export function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** One unit's supervision record for a year, the input of the assessment score. */
export interface AssessmentInput {
  findings: number;
  seriousFindings: number;
  closedOnTime: number;
  closedLate: number;
  openOverdue: number;
  rewardPoints: number;
  penaltyPoints: number;
}

/**
 * Weights of the yearly assessment (考评) score. The score starts at 100 and is clamped to [0, 120]:
 *
 *   score = 100 − 1·findings − 2·seriousFindings + 2·closedOnTime − 3·closedLate − 5·openOverdue
 *               + rewardPoints − penaltyPoints
 *
 * A serious finding therefore costs 3 in all. Grades: ≥ 90 优秀, ≥ 75 良好, ≥ 60 合格, else 不合格.
 */
export const ASSESSMENT_WEIGHTS = {
  base: 100,
  finding: -1,
  seriousFinding: -2,
  closedOnTime: 2,
  closedLate: -3,
  openOverdue: -5,
  max: 120,
  min: 0,
} as const;

export type AssessmentGrade = 'excellent' | 'good' | 'pass' | 'fail';

/**
 * The assessment score and grade of one unit (formula in `ASSESSMENT_WEIGHTS`).
 *
 * @example assessmentScore({ findings: 2, seriousFindings: 0, closedOnTime: 2, closedLate: 0,
 *   openOverdue: 0, rewardPoints: 5, penaltyPoints: 0 }) // { score: 107, grade: 'excellent' }
 */
export function assessmentScore(i: AssessmentInput): { score: number; grade: AssessmentGrade } {
  const w = ASSESSMENT_WEIGHTS;
  const raw =
    w.base +
    w.finding * i.findings +
    w.seriousFinding * i.seriousFindings +
    w.closedOnTime * i.closedOnTime +
    w.closedLate * i.closedLate +
    w.openOverdue * i.openOverdue +
    i.rewardPoints -
    i.penaltyPoints;
  const score = Math.round(Math.min(w.max, Math.max(w.min, raw)) * 10) / 10;
  const grade: AssessmentGrade =
    score >= 90 ? 'excellent' : score >= 75 ? 'good' : score >= 60 ? 'pass' : 'fail';
  return { score, grade };
}

const w = ASSESSMENT_WEIGHTS;
/** The assessment formula as shown to users. */
export const ASSESSMENT_FORMULA =
  `score = ${w.base} ${w.finding}×findings ${w.seriousFinding}×seriousFindings +${w.closedOnTime}×closedOnTime ` +
  `${w.closedLate}×closedLate ${w.openOverdue}×openOverdue + rewardPoints − penaltyPoints, clamped to [${w.min}, ${w.max}]; ` +
  '≥90 优秀 excellent, ≥75 良好 good, ≥60 合格 pass, else 不合格 fail';

/** Code-point order of two strings (as the database sorts codes and names). */
export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
