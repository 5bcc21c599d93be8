import type { IndicatorStatus } from '@zhijiao/contracts';
import type { Executor } from '../../platform/db/database.ts';
import type { MetricRegistry } from '../../platform/metrics/metric-registry.ts';
import * as repo from './action-plans.repository.ts';
import {
  judgeRecurring,
  valuesByWindow,
  verdictWindows,
  type PeriodVerdict,
  type WindowValue,
} from './indicator-periods.ts';
import { indicatorStatus } from './indicator-status.ts';

type PlanRow = NonNullable<Awaited<ReturnType<typeof repo.findCurrentPlanByCode>>>;
type PeriodRow = Awaited<ReturnType<typeof repo.listPeriods>>[number];
type IndicatorRow = Awaited<ReturnType<typeof repo.listIndicators>>[number];

export interface IndicatorView extends Omit<IndicatorRow, 'position' | 'planId'> {
  latestValue: number | null;
  /** What the latest value was computed from, when known (reported with it, or the metric's). */
  numerator: number | null;
  denominator: number | null;
  latestPeriod: string | null;
  status: IndicatorStatus;
  /** A recurring target's value and verdict per calendar year (quarter, month); empty for `once`. */
  periods: PeriodVerdict[];
}

interface Evaluation {
  db: Executor;
  metrics: MetricRegistry;
  plan: PlanRow;
  period: PeriodRow;
  asOf: string;
}

/** A metric's number for a plan over a period; null when its denominator is empty (无数据, not 0 %). */
async function computeMetric(
  e: Evaluation,
  metric: string,
  period: { startsOn: string; endsOn: string },
  exact: boolean,
) {
  const v = await e.metrics.compute(metric, {
    db: e.db,
    orgUnitId: e.plan.districtId,
    period,
    planId: e.plan.id,
    today: e.asOf,
    exact,
  });
  if (v.denominator === 0) return null;
  return {
    value: v.value,
    numerator: v.numerator ?? null,
    denominator: v.denominator ?? null,
  } satisfies WindowValue;
}

const isComputed = (e: Evaluation, row: IndicatorRow) =>
  row.kind === 'computed' && row.metric !== null && e.metrics.has(row.metric);

/** A recurring indicator: one value per window (reported in it, or computed over it), judged per window. */
async function evaluateRecurring(
  e: Evaluation,
  row: IndicatorRow,
  reported: ReadonlyArray<WindowValue & { endsOn: string }>,
) {
  const windows = verdictWindows(row.recurrence, e.plan.startDate, row.deadline);
  let values: Map<string, WindowValue>;
  if (isComputed(e, row)) {
    const begun = windows.filter((w) => w.startsOn <= e.asOf);
    const computed = await Promise.all(begun.map((w) => computeMetric(e, row.metric!, w, true)));
    values = new Map(begun.flatMap((w, i) => (computed[i] ? [[w.label, computed[i]] as const] : [])));
  } else {
    values = valuesByWindow(windows, reported);
  }
  const { status, periods } = judgeRecurring(row, windows, values, e.asOf);
  const latest = [...periods].reverse().find((p) => p.value !== null);
  return {
    latestValue: latest?.value ?? null,
    numerator: latest?.numerator ?? null,
    denominator: latest?.denominator ?? null,
    latestPeriod: latest?.label ?? null,
    status,
    periods,
  };
}

/** A `once` indicator: the latest approved value up to the period, or the metric's number now. */
async function evaluateOnce(
  e: Evaluation,
  row: IndicatorRow,
  latest: Awaited<ReturnType<typeof repo.latestIndicatorValues>>,
) {
  let v: (WindowValue & { label: string }) | null = null;
  if (isComputed(e, row)) {
    const c = await computeMetric(e, row.metric!, e.period, false);
    v = c && { ...c, label: e.period.label };
  } else {
    const r = latest.get(row.id);
    v = r
      ? { value: r.value, numerator: r.numerator, denominator: r.denominator, label: r.periodLabel }
      : null;
  }
  return {
    latestValue: v?.value ?? null,
    numerator: v?.numerator ?? null,
    denominator: v?.denominator ?? null,
    latestPeriod: v?.label ?? null,
    status: indicatorStatus(row, v?.value ?? null, e.plan.startDate, e.asOf),
    periods: [],
  };
}

/**
 * Indicator values and verdicts as of a period (and not after `today`): a `once` target on its
 * latest value, a recurring one per calendar window (`indicator-periods.ts`).
 */
export async function evaluateIndicators(
  db: Executor,
  metrics: MetricRegistry,
  plan: PlanRow,
  rows: IndicatorRow[],
  period: PeriodRow,
  today: string,
): Promise<IndicatorView[]> {
  const e: Evaluation = { db, metrics, plan, period, asOf: today < period.endsOn ? today : period.endsOn };
  const recurringIds = rows.filter((r) => r.recurrence !== 'once').map((r) => r.id);
  const [latest, recurringValues] = await Promise.all([
    repo.latestIndicatorValues(db, plan.id, period.endsOn),
    repo.indicatorValuesUpTo(db, recurringIds, period.endsOn),
  ]);
  return Promise.all(
    rows.map(async (row) => {
      const { position: _position, planId: _planId, ...fields } = row;
      const judged =
        row.recurrence === 'once'
          ? await evaluateOnce(e, row, latest)
          : await evaluateRecurring(
              e,
              row,
              recurringValues.filter((v) => v.indicatorId === row.id),
            );
      return { ...fields, ...judged };
    }),
  );
}
