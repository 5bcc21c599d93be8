import type { AlertKind } from '@zhijiao/contracts';
import type { ProgressStatus } from '@zhijiao/contracts';
import type { Executor } from '../../platform/db/database.ts';
import type { MetricRegistry } from '../../platform/metrics/metric-registry.ts';
import { computeAlerts, type Alert } from './alerts.ts';
import * as repo from './action-plans.repository.ts';
import { evaluateIndicators, type IndicatorView } from './indicator-evaluation.ts';
import { completeByRecords } from './milestone-completion.ts';

export type PlanRow = NonNullable<Awaited<ReturnType<typeof repo.findCurrentPlanByCode>>>;
export { evaluateIndicators, type IndicatorView };

export type PeriodRow = Awaited<ReturnType<typeof repo.listPeriods>>[number];

export interface UnitRef {
  id: string;
  code: string;
  name: string;
}

export interface TaskState {
  id: string;
  sectionId: string;
  number: number;
  label: string;
  title: string;
  titleEn: string;
  units: Array<UnitRef & { role: 'lead' | 'cooperating' }>;
  progress: ProgressStatus | null;
  lastReportedPeriod: string | null;
  indicatorCount: number;
  alertTier: 'blue' | 'yellow' | 'red' | null;
  /** Why: the kinds of the task's alerts at that tier (逾期未报, 指标偏离 …), so a tag never stands unexplained. */
  alertReasons: AlertKind[];
}

export interface PlanState {
  plan: PlanRow;
  period: PeriodRow;
  periods: PeriodRow[];
  tasks: TaskState[];
  indicators: IndicatorView[];
  milestones: Awaited<ReturnType<typeof repo.listMilestones>>;
  alerts: Alert[];
  handedIn: Set<string>;
}

/** The period containing `today`, else the last one that started before it, else the first. */
export function currentPeriod(periods: PeriodRow[], today: string): PeriodRow | undefined {
  return (
    periods.find((p) => p.startsOn <= today && today <= p.endsOn) ??
    [...periods].reverse().find((p) => p.startsOn <= today) ??
    periods[0]
  );
}

/**
 * Everything the dashboard, task list and alerts read about one plan at one period, for the tasks
 * in `orgUnitIds` (null = all). A handful of set-based queries, whatever the plan's size.
 */
export async function loadPlanState(
  db: Executor,
  metrics: MetricRegistry,
  plan: PlanRow,
  opts: { periodId?: string; orgUnitIds: readonly string[] | null; today: string },
): Promise<PlanState | null> {
  const periods = await repo.listPeriods(db, plan.id);
  const period = opts.periodId
    ? periods.find((p) => p.id === opts.periodId)
    : currentPeriod(periods, opts.today);
  if (!period) return null;
  const [taskRows, indicatorRows, milestoneRows, progress, handedIn] = await Promise.all([
    repo.listTasks(db, plan.id, opts.orgUnitIds),
    repo.listIndicators(db, { planId: plan.id }),
    repo.listMilestones(db, { planId: plan.id }),
    repo.latestApprovedProgress(db, plan.id, period.endsOn),
    repo.leadReportKeys(db, plan.id),
  ]);
  const asOf = opts.today < period.endsOn ? opts.today : period.endsOn;
  const milestones = await completeByRecords(db, metrics, plan, milestoneRows, asOf);
  const taskIds = new Set(taskRows.map((t) => t.id));
  const units = await repo.listTaskUnits(db, [...taskIds]);
  const unitsByTask = new Map<string, TaskState['units']>();
  for (const u of units) {
    const list = unitsByTask.get(u.taskId) ?? [];
    list.push({ id: u.id, code: u.code, name: u.name, role: u.role });
    unitsByTask.set(u.taskId, list);
  }
  const indicators = await evaluateIndicators(
    db,
    metrics,
    plan,
    indicatorRows.filter((i) => taskIds.has(i.taskId)),
    period,
    opts.today,
  );
  const scopedMilestones = milestones.filter((m) => taskIds.has(m.taskId));
  const alerts = computeAlerts({
    today: opts.today,
    tasks: taskRows.map((t) => ({ id: t.id, leadUnitId: unitsByTask.get(t.id)?.[0]?.id ?? '' })),
    periods,
    handedIn,
    indicators: indicators.map((i) => ({
      id: i.id,
      taskId: i.taskId,
      status: i.status,
      deadline: i.deadline,
      latestValue: i.latestValue,
      missed: i.periods.filter((p) => p.status === 'off_track'),
    })),
    milestones: scopedMilestones.map((m) => ({
      id: m.id,
      taskId: m.taskId,
      unitId: m.orgUnitId,
      due: m.due,
      completedOn: m.completedOn,
    })),
  }).filter((a) => !opts.orgUnitIds || opts.orgUnitIds.includes(a.unitId));
  const tierRank = { red: 3, yellow: 2, blue: 1 } as const;
  const tasks: TaskState[] = taskRows.map((t) => {
    const p = progress.get(t.id);
    const worst = alerts
      .filter((a) => a.taskId === t.id)
      .reduce<TaskState['alertTier']>((w, a) => (!w || tierRank[a.tier] > tierRank[w] ? a.tier : w), null);
    return {
      id: t.id,
      sectionId: t.sectionId,
      number: t.number,
      label: t.label,
      title: t.title,
      titleEn: t.titleEn,
      units: unitsByTask.get(t.id) ?? [],
      progress: (p?.progress as ProgressStatus | undefined) ?? null,
      lastReportedPeriod: p?.periodLabel ?? null,
      indicatorCount: indicators.filter((i) => i.taskId === t.id).length,
      alertTier: worst,
      alertReasons: [
        ...new Set(alerts.filter((a) => a.taskId === t.id && a.tier === worst).map((a) => a.kind)),
      ],
    };
  });
  return { plan, period, periods, tasks, indicators, milestones: scopedMilestones, alerts, handedIn };
}
