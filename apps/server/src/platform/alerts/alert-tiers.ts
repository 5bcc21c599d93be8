import type { AlertTier } from '@zhijiao/contracts';
import { chinaDate } from '../clock/clock.ts';

/**
 * The one colour scale of every alert (预警) with a due date, whichever module raises it:
 * 蓝 (blue) due within APPROACHING_DAYS, 黄 (yellow) up to RED_AFTER_DAYS late, 红 (red) later.
 * The plan, supervision, joint meetings, enrolment, programs and consultation all tier by it.
 */

/** Days before a due date when a blue reminder starts. */
export const APPROACHING_DAYS = 7;
/** Days late after which an alert turns red. */
export const RED_AFTER_DAYS = 30;

const DAY = 86_400_000;

/**
 * Whole days from one `YYYY-MM-DD` date to another (negative when `to` is earlier).
 *
 * @example daysBetween('2021-06-01', '2021-06-05') // 4
 */
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(to) - Date.parse(from)) / DAY);

/** Colour tier by lateness: due soon = blue, up to 30 days late = yellow, later = red. */
export function tierForLateness(daysLate: number): AlertTier {
  if (daysLate <= 0) return 'blue';
  return daysLate > RED_AFTER_DAYS ? 'red' : 'yellow';
}

/**
 * Days late (negative = days left) and tier of something still to be done by `dueDate`, on
 * `today`; the tier is null while more than APPROACHING_DAYS remain (nothing to raise yet).
 *
 * @example deadlineTier('2021-06-01', '2021-05-28') // { daysLate: -4, tier: 'blue' }
 * @example deadlineTier('2021-06-01', '2021-07-15') // { daysLate: 44, tier: 'red' }
 */
export function deadlineTier(dueDate: string, today: string): { daysLate: number; tier: AlertTier | null } {
  const daysLate = daysBetween(dueDate, today);
  return { daysLate, tier: daysLate < -APPROACHING_DAYS ? null : tierForLateness(daysLate) };
}

/**
 * The last China calendar day of a period that ends (exclusively) at `end`, e.g. a preference
 * window or a comment period: the day before when it ends at midnight China time.
 *
 * @example lastDayOf(new Date('2021-06-10T16:00:00Z')) // '2021-06-10' (00:00 on 11 June in China)
 * @example lastDayOf(new Date('2021-06-10T02:00:00Z')) // '2021-06-10'
 */
export function lastDayOf(end: Date): string {
  return chinaDate(new Date(end.getTime() - 1));
}
