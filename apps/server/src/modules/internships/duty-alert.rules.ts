import type { AlertTier } from '@zhijiao/contracts';
import { APPROACHING_DAYS, daysBetween } from '../../platform/alerts/alert-tiers.ts';

/**
 * When an enterprise short of its 2 % duty for `year` must have made it up: the year's last day
 * (the duty is per calendar year: posts published that year count against that year's staff).
 *
 * @example dutyDueDate(2026) // '2026-12-31'
 */
const dutyDueDate = (year: number): string => `${year}-12-31`;

/**
 * Tier and days late (negative = days left) of a shortfall on the 2 % duty for the year of
 * `today`. Yellow while the year runs: the duty is not late yet, but a shortfall is a standing
 * fact to act on, not a reminder (the blue of alert-tiers.ts would also turn it *down* to blue in
 * the last week). Red in the last APPROACHING_DAYS days: the year closes with the duty missed, and
 * once it has closed no later alert follows (the next year is judged afresh; the missed year stays
 * in the summary and the T13 indicator), so this is the last chance to escalate — and a new tier
 * asks the enterprise for a new 已知悉.
 *
 * @example dutyAlertTier('2026-06-30') // { dueDate: '2026-12-31', daysLate: -184, tier: 'yellow' }
 * @example dutyAlertTier('2026-12-24') // { dueDate: '2026-12-31', daysLate: -7, tier: 'red' }
 */
export function dutyAlertTier(today: string): { dueDate: string; daysLate: number; tier: AlertTier } {
  const dueDate = dutyDueDate(Number(today.slice(0, 4)));
  const daysLate = daysBetween(dueDate, today);
  return { dueDate, daysLate, tier: daysLate >= -APPROACHING_DAYS ? 'red' : 'yellow' };
}
