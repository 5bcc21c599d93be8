import type { AlertTier } from '@zhijiao/contracts';
import { deadlineTier, lastDayOf } from '../../platform/alerts/alert-tiers.ts';
import { addDays, chinaDate } from '../../platform/clock/clock.ts';

/**
 * Which enrolment records are alerts on a day, and their tier (the platform's scale: blue within 7
 * days of the due date, yellow up to 30 days late, red later). The season records only each
 * batch's preference window (`opensAt`, `closesAt`) and each run's publication time, so:
 * - preferences are due by the window's last day;
 * - a batch's results are due when the next batch's window opens (its candidates must know where
 *   they stand), the last batch's RESULTS_DUE_DAYS after its window closes;
 * - 报到 is due REGISTRATION_DAYS after the results were published.
 * The two periods are defaults until the season records its own schedule.
 */
export const RESULTS_DUE_DAYS = 7;
export const REGISTRATION_DAYS = 14;

export interface BatchDates {
  id: string;
  position: number;
  opensAt: Date;
  closesAt: Date;
}

interface Due {
  tier: AlertTier;
  dueDate: string;
  daysLate: number;
}

function due(dueDate: string, today: string): Due | null {
  const { daysLate, tier } = deadlineTier(dueDate, today);
  return tier ? { tier, dueDate, daysLate } : null;
}

/**
 * Candidates of a school without choices in a batch whose window closes within 7 days, or has
 * closed while the batch is still unpublished (they missed it; 招生办 may have to act).
 *
 * @example preferencesAlert({ closesAt: new Date('2021-06-10T00:00:00Z'), published: false }, 3, '2021-06-05')
 * // { tier: 'blue', dueDate: '2021-06-10', daysLate: -5 }
 */
export function preferencesAlert(
  batch: { closesAt: Date; published: boolean },
  missing: number,
  today: string,
): Due | null {
  if (missing === 0 || batch.published) return null;
  return due(lastDayOf(batch.closesAt), today);
}

/**
 * When a batch's results are due: the day the next batch's window opens, if it opens after this
 * window's last day; else RESULTS_DUE_DAYS after that last day.
 */
export function resultsDueDate(batch: BatchDates, batches: readonly BatchDates[]): string {
  const last = lastDayOf(batch.closesAt);
  const next = batches
    .filter((b) => b.position > batch.position)
    .map((b) => chinaDate(b.opensAt))
    .filter((d) => d > last)
    .sort()[0];
  return next ?? addDays(last, RESULTS_DUE_DAYS);
}

/** A batch with a computed run but no published one, by its results' due date. */
export function unpublishedRunAlert(
  batch: BatchDates & { published: boolean },
  batches: readonly BatchDates[],
  today: string,
): Due | null {
  if (batch.published) return null;
  return due(resultsDueDate(batch, batches), today);
}

/** Admitted candidates of a school whose 报到 is not recorded, by REGISTRATION_DAYS after publication. */
export function registrationAlert(publishedAt: Date, unregistered: number, today: string): Due | null {
  if (unregistered === 0) return null;
  return due(addDays(chinaDate(publishedAt), REGISTRATION_DAYS), today);
}
