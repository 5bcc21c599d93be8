import type { IndicatorStatus, ProgressStatus, UnitRole } from '@zhijiao/contracts';
import type { Executor } from '../../platform/db/database.ts';
import type { MetricRegistry } from '../../platform/metrics/metric-registry.ts';
import * as repo from './action-plans.repository.ts';
import { daysBetween } from '../../platform/alerts/alert-tiers.ts';
import { currentPeriod, evaluateIndicators, type PlanRow } from './plan-state.ts';

/** Where one unit stands in its district's current plans: what a joint meeting is briefed on. */
export interface UnitPlanStatus {
  /** First day the overdue reports are counted from (the previous meeting, else the plan's start). */
  windowStart: string;
  /** The day the status was taken. */
  windowEnd: string;
  /** Tasks the unit is responsible for (牵头 or 配合) with the task's latest approved progress. */
  tasks: Array<{
    id: string;
    planCode: string;
    label: string;
    title: string;
    role: UnitRole;
    progress: ProgressStatus | null;
    lastReportedPeriod: string | null;
  }>;
  /** Indicators of the tasks the unit leads, with their traffic light. */
  indicators: Array<{
    id: string;
    code: string;
    name: string;
    unit: string;
    taskLabel: string;
    latestValue: number | null;
    deadline: string;
    status: IndicatorStatus;
  }>;
  /** Reports of tasks the unit leads that fell due in the window and have not been handed in. */
  overdueReports: Array<{
    taskId: string;
    taskLabel: string;
    taskTitle: string;
    periodLabel: string;
    dueOn: string;
    daysLate: number;
  }>;
}

/**
 * The plan status of each unit in `unitIds`, across the current (not archived) plans of a
 * district, as of `today`: a query for the joint meeting's status reports. Overdue reports are
 * those of tasks the unit leads whose due date lies in [`since` (or the plan's start), `today`)
 * and which the unit has not submitted. A handful of set-based queries per plan.
 *
 * @example
 * const status = await listUnitPlanStatus(db, metrics, { districtId, unitIds: [hrss], since: '2021-01-15', today: '2021-05-20' });
 * status.get(hrss)?.overdueReports // [{ taskLabel: '（十）', periodLabel: '2021年第1季度', daysLate: 30, … }]
 */
export async function listUnitPlanStatus(
  db: Executor,
  metrics: MetricRegistry,
  opts: { districtId: string; unitIds: readonly string[]; since: string | null; today: string },
): Promise<Map<string, UnitPlanStatus>> {
  const { today } = opts;
  const out = new Map<string, UnitPlanStatus>();
  for (const id of opts.unitIds)
    out.set(id, {
      windowStart: opts.since ?? today,
      windowEnd: today,
      tasks: [],
      indicators: [],
      overdueReports: [],
    });
  if (opts.unitIds.length === 0) return out;
  const plans = (await repo.listCurrentPlans(db, { publishedOnly: false })).filter(
    (p) => p.districtId === opts.districtId && p.status !== 'archived',
  );
  for (const plan of plans) {
    const since = opts.since ?? plan.startDate;
    for (const status of out.values())
      if (!opts.since && since < status.windowStart) status.windowStart = since;
    await addPlanStatus(db, metrics, plan, out, { unitIds: opts.unitIds, since, today });
  }
  return out;
}

/** Adds one plan's tasks, overdue reports and led indicators to each unit's status. */
async function addPlanStatus(
  db: Executor,
  metrics: MetricRegistry,
  plan: PlanRow,
  out: Map<string, UnitPlanStatus>,
  opts: { unitIds: readonly string[]; since: string; today: string },
): Promise<void> {
  const { today } = opts;
  const periods = await repo.listPeriods(db, plan.id);
  const period = currentPeriod(periods, today);
  const taskRows = await repo.listTasks(db, plan.id, opts.unitIds);
  const units = (
    await repo.listTaskUnits(
      db,
      taskRows.map((t) => t.id),
    )
  ).filter((u) => opts.unitIds.includes(u.id));
  if (!period || units.length === 0) return;
  const [progress, indicatorRows, handedIn] = await Promise.all([
    repo.latestApprovedProgress(db, plan.id, period.endsOn, today),
    repo.listIndicators(db, { planId: plan.id }),
    repo.listHandedInReports(db, plan.id, opts.unitIds, today),
  ]);
  const handed = new Set(handedIn.map((r) => `${r.orgUnitId}:${r.taskId}:${r.periodId}`));
  const taskById = new Map(taskRows.map((t) => [t.id, t]));
  const ledBy = new Map<string, string[]>();
  for (const u of units) {
    const task = taskById.get(u.taskId)!;
    const p = progress.get(task.id);
    const status = out.get(u.id)!;
    status.tasks.push({
      id: task.id,
      planCode: plan.code,
      label: task.label,
      title: task.title,
      role: u.role,
      progress: (p?.progress as ProgressStatus | undefined) ?? null,
      lastReportedPeriod: p?.periodLabel ?? null,
    });
    if (u.role !== 'lead') continue;
    ledBy.set(task.id, [...(ledBy.get(task.id) ?? []), u.id]);
    const missed = periods.filter(
      (pd) => pd.dueOn >= opts.since && pd.dueOn < today && !handed.has(`${u.id}:${task.id}:${pd.id}`),
    );
    for (const pd of missed)
      status.overdueReports.push({
        taskId: task.id,
        taskLabel: task.label,
        taskTitle: task.title,
        periodLabel: pd.label,
        dueOn: pd.dueOn,
        daysLate: daysBetween(pd.dueOn, today),
      });
  }
  const led = indicatorRows.filter((i) => ledBy.has(i.taskId));
  for (const i of await evaluateIndicators(db, metrics, plan, led, period, today))
    for (const unitId of ledBy.get(i.taskId) ?? [])
      out.get(unitId)!.indicators.push({
        id: i.id,
        code: i.code,
        name: i.name,
        unit: i.unit,
        taskLabel: i.taskLabel,
        latestValue: i.latestValue,
        deadline: i.deadline,
        status: i.status,
      });
}
