import type { Comparator, IndicatorStatus } from '@zhijiao/contracts';

export interface IndicatorTarget {
  comparator: Comparator;
  target: number | null;
  targetLow: number | null;
  targetHigh: number | null;
  baseline: number | null;
  deadline: string;
}

/** Whether a value satisfies the target (a band is inclusive at both ends). */
export function meetsTarget(t: IndicatorTarget, value: number): boolean {
  switch (t.comparator) {
    case 'gte':
      return value >= (t.target ?? 0);
    case 'lte':
      return value <= (t.target ?? 0);
    case 'eq':
      return value === t.target;
    case 'between':
      return value >= (t.targetLow ?? -Infinity) && value <= (t.targetHigh ?? Infinity);
  }
}

const DAY = 86_400_000;
const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / DAY;

/**
 * The traffic light of an indicator on `today` (dates `YYYY-MM-DD`):
 * - met: the latest value satisfies the target (green);
 * - off_track: not met and the deadline has passed, or no value at all after the deadline (red);
 * - on_track: a `gte`/`lte` target not yet met but at or ahead of the straight line from the
 *   baseline at `planStart` to the target at the deadline (green);
 * - at_risk: behind that line, or a band/equality not yet reached before the deadline (yellow);
 * - no_data: nothing reported yet and the deadline is still ahead.
 * This judges a `once` target; a recurring one is judged per period (`indicator-periods.ts`).
 *
 * @example indicatorStatus({ comparator: 'gte', target: 60, baseline: 30, deadline: '2022-12-31', … },
 *   45, '2020-01-01', '2021-07-01') // 'on_track' (halfway through time, halfway to target)
 */
export function indicatorStatus(
  t: IndicatorTarget,
  latestValue: number | null,
  planStart: string,
  today: string,
): IndicatorStatus {
  const pastDeadline = today > t.deadline;
  if (latestValue === null) return pastDeadline ? 'off_track' : 'no_data';
  if (meetsTarget(t, latestValue)) return 'met';
  if (pastDeadline) return 'off_track';
  if ((t.comparator === 'gte' || t.comparator === 'lte') && t.target !== null) {
    const total = days(planStart, t.deadline);
    const elapsed = Math.min(Math.max(days(planStart, today), 0), total);
    const fraction = total > 0 ? elapsed / total : 1;
    const baseline = t.baseline ?? (t.comparator === 'gte' ? 0 : latestValue);
    const expected = baseline + fraction * (t.target - baseline);
    const ahead = t.comparator === 'gte' ? latestValue >= expected : latestValue <= expected;
    return ahead ? 'on_track' : 'at_risk';
  }
  return 'at_risk';
}
