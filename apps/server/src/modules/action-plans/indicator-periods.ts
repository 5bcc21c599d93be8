import type { IndicatorStatus } from '@zhijiao/contracts';
import type { IndicatorRecurrence, VerdictRule } from './plan-file/plan-file.types.ts';
import { meetsTarget, type IndicatorTarget } from './indicator-status.ts';
import { generatePeriods, periodLabelEn, REPORT_GRACE_DAYS } from './periods.ts';

/* Per-period verdicts of a recurring target (每年达到 …): one value and one verdict per calendar year
 * (quarter, month) of the plan, and the overall verdict the plan file's rule derives from them. */

/** A calendar window a recurring target is judged in. */
export interface VerdictWindow {
  label: string;
  labelEn: string;
  startsOn: string;
  endsOn: string;
}

/** A value for one window, with what it was computed from when known. */
export interface WindowValue {
  value: number;
  numerator: number | null;
  denominator: number | null;
}

/** Whether a window is over, holds the as-of date, or is still ahead of it. */
export type WindowPhase = 'past' | 'current' | 'future';

export interface PeriodVerdict extends VerdictWindow {
  phase: WindowPhase;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  status: IndicatorStatus;
}

export interface RecurringTarget extends IndicatorTarget {
  recurrence: IndicatorRecurrence;
  verdictRule: VerdictRule;
}

const addDays = (date: string, n: number) =>
  new Date(Date.parse(date) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * The windows of a recurring target: calendar years (quarters, months) from the plan's start to the
 * deadline; none for `once`.
 *
 * @example verdictWindows('yearly', '2020-01-01', '2022-12-31').map((w) => w.label)
 *   // ['2020年度', '2021年度', '2022年度']
 */
export function verdictWindows(recurrence: IndicatorRecurrence, planStart: string, deadline: string) {
  if (recurrence === 'once') return [];
  return generatePeriods(planStart, deadline, recurrence).map((p): VerdictWindow => ({
    label: p.label,
    labelEn: periodLabelEn(p.label),
    startsOn: p.startsOn,
    endsOn: p.endsOn,
  }));
}

/**
 * A reported value belongs to the window its reporting period ends in; the latest such value
 * counts (a Q4 report's value is the year's).
 */
export function valuesByWindow(
  windows: readonly VerdictWindow[],
  reported: ReadonlyArray<WindowValue & { endsOn: string }>,
): Map<string, WindowValue> {
  const out = new Map<string, WindowValue & { endsOn: string }>();
  for (const r of reported) {
    const w = windows.find((x) => x.startsOn <= r.endsOn && r.endsOn <= x.endsOn);
    if (!w) continue;
    const seen = out.get(w.label);
    if (!seen || seen.endsOn <= r.endsOn) out.set(w.label, r);
  }
  return new Map(
    [...out].map(([k, { value, numerator, denominator }]) => [k, { value, numerator, denominator }]),
  );
}

/**
 * One window's verdict on `asOf`: met when its value meets the target; a window that is over and
 * misses it is off track (a window without a value only once its reports are overdue, i.e.
 * `REPORT_GRACE_DAYS` after it ends); a current window not yet met is at risk, or without data.
 */
export function windowVerdict(t: IndicatorTarget, w: VerdictWindow, v: WindowValue | null, asOf: string) {
  const phase: WindowPhase = w.endsOn <= asOf ? 'past' : w.startsOn <= asOf ? 'current' : 'future';
  let status: IndicatorStatus;
  if (phase === 'future') status = 'no_data';
  else if (v === null)
    status = phase === 'past' && asOf > addDays(w.endsOn, REPORT_GRACE_DAYS) ? 'off_track' : 'no_data';
  else if (meetsTarget(t, v.value)) status = 'met';
  else status = phase === 'past' ? 'off_track' : 'at_risk';
  return {
    ...w,
    phase,
    value: v?.value ?? null,
    numerator: v?.numerator ?? null,
    denominator: v?.denominator ?? null,
    status,
  } satisfies PeriodVerdict;
}

/**
 * The overall verdict from the per-window verdicts (those not in the future):
 * - `every-period`: a missed window stays missed (off track); otherwise the latest window with a
 *   verdict decides (met or at risk); with nothing yet in the current window after met ones, on track.
 * - `last-period`: the window holding the deadline decides once it has begun; before that, the
 *   latest value shows the direction (met → on track, else at risk).
 */
export function overallVerdict(rule: VerdictRule, verdicts: readonly PeriodVerdict[]): IndicatorStatus {
  const begun = verdicts.filter((v) => v.phase !== 'future');
  const latest = begun.at(-1);
  if (!latest) return 'no_data';
  const withValue = [...begun].reverse().find((v) => v.value !== null);
  if (rule === 'every-period') {
    if (begun.some((v) => v.status === 'off_track')) return 'off_track';
    if (latest.status !== 'no_data') return latest.status;
    return withValue ? 'on_track' : 'no_data';
  }
  if (latest === verdicts.at(-1)) return latest.status;
  if (!withValue) return 'no_data';
  return withValue.status === 'met' ? 'on_track' : 'at_risk';
}

/**
 * A recurring indicator judged per window: each window's verdict and the overall one.
 *
 * @example 8000 元/生 every year; 2020 missed, 2021 not yet reported, on 2021-07-01:
 *   judgeRecurring(t, windows, new Map([['2020年度', { value: 7000, … }]]), '2021-07-01').status // 'off_track'
 */
export function judgeRecurring(
  t: RecurringTarget,
  windows: readonly VerdictWindow[],
  values: ReadonlyMap<string, WindowValue>,
  asOf: string,
): { status: IndicatorStatus; periods: PeriodVerdict[] } {
  const periods = windows.map((w) => windowVerdict(t, w, values.get(w.label) ?? null, asOf));
  return { status: overallVerdict(t.verdictRule, periods), periods };
}
