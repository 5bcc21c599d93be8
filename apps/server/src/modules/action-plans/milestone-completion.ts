import type { Executor } from '../../platform/db/database.ts';
import type { MetricRegistry } from '../../platform/metrics/metric-registry.ts';

/** What a milestone needs to be judged by records: the metric that completes it (null: by hand). */
export interface RecordCompletable {
  completedBy: string | null;
  completedOn: string | null;
}

const DAY = 86_400_000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY;
const dateOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

/**
 * Milestones with `completedOn` filled from records: a milestone that names a metric
 * (`completedBy: enrollment.seasonsPublished`) is completed as of `asOf` when that metric,
 * computed for the plan's district over the period from the plan's start up to `asOf`, is ≥ 1.
 * Its `completedOn` is then the first day the metric held: found by bisection over the days from
 * the plan's start, which is exact because such metrics count records dated up to a day, so once
 * they hold they hold on every later day (about 11 computations over a three-year plan, only for a
 * milestone that holds). A milestone whose metric no longer holds, or no module registers, is
 * open. Milestones done by hand are returned as they are.
 *
 * @example const milestones = await completeByRecords(db, metrics, plan, rows, '2021-06-30');
 */
export async function completeByRecords<M extends RecordCompletable>(
  db: Executor,
  metrics: MetricRegistry,
  plan: { id: string; districtId: string; startDate: string },
  milestones: readonly M[],
  asOf: string,
): Promise<M[]> {
  const firstDays = new Map<string, Promise<string | null>>();
  const firstDay = (metric: string) => {
    if (!firstDays.has(metric)) firstDays.set(metric, firstDayHeld(db, metrics, plan, metric, asOf));
    return firstDays.get(metric)!;
  };
  return Promise.all(
    milestones.map(async (m) =>
      m.completedBy === null ? m : { ...m, completedOn: await firstDay(m.completedBy) },
    ),
  );
}

/** The first day in [plan start, asOf] on which the metric is ≥ 1, or null when it is not on `asOf`. */
async function firstDayHeld(
  db: Executor,
  metrics: MetricRegistry,
  plan: { id: string; districtId: string; startDate: string },
  metric: string,
  asOf: string,
): Promise<string | null> {
  if (!metrics.has(metric) || asOf < plan.startDate) return null;
  const holds = async (day: number) => {
    const date = dateOf(day);
    const v = await metrics.compute(metric, {
      db,
      orgUnitId: plan.districtId,
      period: { startsOn: plan.startDate, endsOn: date },
      planId: plan.id,
      today: date,
    });
    return v.value >= 1;
  };
  let lo = dayNumber(plan.startDate);
  let hi = dayNumber(asOf);
  if (!(await holds(hi))) return null;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (await holds(mid)) hi = mid;
    else lo = mid + 1;
  }
  return dateOf(hi);
}
