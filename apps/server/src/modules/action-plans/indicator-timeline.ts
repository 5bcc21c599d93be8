import type { IndicatorStatus } from '@zhijiao/contracts';
import { periodLabelEn } from './periods.ts';
import type { PlanViewDeps } from './plan-reads.ts';
import type { IndicatorView, PeriodRow, PlanRow } from './plan-state.ts';

export interface TimelinePoint {
  label: string;
  labelEn: string;
  endsOn: string;
  value: number | null;
  /** The verdict of a judged window of a recurring target; null for a reporting period. */
  status: IndicatorStatus | null;
}

/**
 * An indicator over the plan's whole span up to its deadline, for its chart:
 * - a recurring target: one point per judged window (year, quarter, month) with its verdict;
 * - a reported `once` target: one point per reporting period, its approved value or null;
 * - a computed `once` target: its metric as of the end of each reporting period that has begun.
 */
export async function indicatorTimeline(
  deps: PlanViewDeps,
  plan: PlanRow,
  indicator: IndicatorView,
  periods: readonly PeriodRow[],
  history: ReadonlyArray<{ periodId: string; value: number }>,
  today: string,
): Promise<TimelinePoint[]> {
  if (indicator.periods.length > 0)
    return indicator.periods.map(({ label, labelEn, endsOn, value, status, phase }) => ({
      label,
      labelEn,
      endsOn,
      value,
      status: phase === 'future' ? null : status,
    }));
  const span = periods.filter((p) => p.startsOn <= indicator.deadline);
  const valueOf = new Map(history.map((h) => [h.periodId, h.value]));
  const metric = indicator.kind === 'computed' ? indicator.metric : null;
  const values = await Promise.all(
    span.map(async (p) => {
      if (!metric || !deps.metrics.has(metric)) return valueOf.get(p.id) ?? null;
      if (p.startsOn > today) return null;
      const v = await deps.metrics.compute(metric, {
        db: deps.db,
        orgUnitId: plan.districtId,
        period: { startsOn: p.startsOn, endsOn: p.endsOn },
        planId: plan.id,
        today: today < p.endsOn ? today : p.endsOn,
      });
      return v.denominator === 0 ? null : v.value;
    }),
  );
  return span.map((p, i) => ({
    label: p.label,
    labelEn: periodLabelEn(p.label),
    endsOn: p.endsOn,
    value: values[i] ?? null,
    status: null,
  }));
}
