import type { AlertTier, ProjectAlertKind, ProjectState } from '@zhijiao/contracts';
import { APPROACHING_DAYS, deadlineTier } from '../../platform/alerts/alert-tiers.ts';
import { addDays } from '../../platform/clock/clock.ts';

/**
 * When a recognised project's 中期检查 and 验收 fall due. The project records hold no deadline of
 * either step (only the day each was done: `approvedOn`, `midtermOn`, `closedOn`), so both are
 * counted from the day of 立项 by the usual two-year construction period: the mid-term check a
 * year after approval, acceptance two years after. Where the 立项 documents set other periods, the
 * project needs deadline fields of its own (the tables have none yet), not other constants here.
 */
export const MIDTERM_DUE_MONTHS = 12;
export const ACCEPTANCE_DUE_MONTHS = 24;

/**
 * `date` moved by whole months; a day past the end of the target month becomes its last day.
 *
 * @example addMonths('2020-08-31', 6) // '2021-02-28'
 */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

/**
 * The next step a project owes on `today` and its alert: an approved project owes the mid-term
 * check, one past it owes acceptance; blue from 7 days before the due date, yellow up to 30 days
 * late, red later. Null for projects in other states or with more than 7 days left.
 *
 * @example projectStepAlert({ state: 'approved', approvedOn: '2020-06-01' }, '2021-05-28')
 * // { step: 'midterm', kind: 'project_midterm_due', tier: 'blue', dueDate: '2021-06-01', daysLate: -4 }
 */
export function projectStepAlert(
  p: { state: ProjectState; approvedOn: string | null },
  today: string,
): {
  step: 'midterm' | 'acceptance';
  kind: ProjectAlertKind;
  tier: AlertTier;
  dueDate: string;
  daysLate: number;
} | null {
  if (!p.approvedOn || (p.state !== 'approved' && p.state !== 'midterm_passed')) return null;
  const step = p.state === 'approved' ? 'midterm' : 'acceptance';
  const dueDate = addMonths(p.approvedOn, step === 'midterm' ? MIDTERM_DUE_MONTHS : ACCEPTANCE_DUE_MONTHS);
  const { daysLate, tier } = deadlineTier(dueDate, today);
  if (!tier) return null;
  const kind = `project_${step}_${daysLate > 0 ? 'overdue' : 'due'}` as const;
  return { step, kind, tier, dueDate, daysLate };
}

/**
 * A 立项 date after which no step can be alertable on `today` (a project approved later has more
 * than 7 days left; 3 days' slack for month ends); the repository reads only projects approved
 * by then, and `projectStepAlert` decides.
 *
 * @example latestAlertableApproval('2021-05-25') // '2020-06-04'
 */
export function latestAlertableApproval(today: string): string {
  return addMonths(addDays(today, APPROACHING_DAYS + 3), -MIDTERM_DUE_MONTHS);
}
