import type { IndicatorStatus } from '@zhijiao/contracts';
import type { Executor } from '../../platform/db/database.ts';
import type { MetricRegistry } from '../../platform/metrics/metric-registry.ts';
import * as repo from './action-plans.repository.ts';
import { completeByRecords } from './milestone-completion.ts';
import { daysBetween } from '../../platform/alerts/alert-tiers.ts';
import { currentPeriod, evaluateIndicators } from './plan-state.ts';

/** A plan task as other modules (supervision, joint meetings) cite it: who leads it, what is late. */
export interface TaskSubject {
  id: string;
  planId: string;
  planCode: string;
  districtId: string;
  label: string;
  title: string;
  leadUnitId: string | null;
  /** Periods whose lead-unit report is past due and not handed in, oldest first. */
  missedReports: Array<{ periodLabel: string; dueOn: string; daysLate: number }>;
  overdueMilestones: Array<{ code: string; title: string; due: string; daysLate: number }>;
}

/** A task's label and title (（三）统筹中等职业教育发展), or null if unknown. Query only. */
export async function findTaskRef(db: Executor, taskId: string) {
  const task = await repo.findTaskById(db, taskId);
  return task ? { id: task.id, label: task.label, title: task.title } : null;
}

/**
 * A task with its missed progress reports and overdue milestones on `today`, or null if unknown;
 * a milestone completed by records counts as done once its metric holds. Query only: for findings
 * that cite a task ("one click from an overdue task").
 */
export async function findTaskSubject(
  db: Executor,
  metrics: MetricRegistry,
  taskId: string,
  today: string,
): Promise<TaskSubject | null> {
  const task = await repo.findTaskById(db, taskId);
  if (!task) return null;
  const plan = (await repo.findPlanById(db, task.planId))!;
  const [units, periods, handedIn, milestoneRows] = await Promise.all([
    repo.listTaskUnits(db, [task.id]),
    repo.listPeriods(db, task.planId),
    repo.leadReportKeys(db, task.planId),
    repo.listMilestones(db, { taskId: task.id }),
  ]);
  const milestones = await completeByRecords(db, metrics, plan, milestoneRows, today);
  return {
    id: task.id,
    planId: task.planId,
    planCode: task.planCode,
    districtId: plan.districtId,
    label: task.label,
    title: task.title,
    leadUnitId: units[0]?.id ?? null,
    missedReports: periods
      .filter((p) => p.dueOn < today && !handedIn.has(`${task.id}:${p.id}`))
      .map((p) => ({ periodLabel: p.label, dueOn: p.dueOn, daysLate: daysBetween(p.dueOn, today) })),
    overdueMilestones: milestones
      .filter((m) => !m.completedOn && m.due < today)
      .map((m) => ({ code: m.code, title: m.title, due: m.due, daysLate: daysBetween(m.due, today) })),
  };
}

/** An indicator as other modules cite it: latest value against its target and its status. */
export interface IndicatorSubject {
  id: string;
  code: string;
  name: string;
  unit: string;
  planId: string;
  planCode: string;
  districtId: string;
  taskId: string;
  taskLabel: string;
  leadUnitId: string | null;
  comparator: string;
  target: number | null;
  targetLow: number | null;
  targetHigh: number | null;
  deadline: string;
  latestValue: number | null;
  latestPeriod: string | null;
  status: IndicatorStatus;
  /** A recurring target's verdict per year (quarter, month) so far; empty for a `once` target. */
  periods: Array<{ label: string; labelEn: string; value: number | null; status: IndicatorStatus }>;
}

/**
 * An indicator's latest value, target and status as of `today` (the current period's view), or
 * null if unknown. Query only: for findings that cite an off-track indicator.
 */
export async function findIndicatorSubject(
  db: Executor,
  metrics: MetricRegistry,
  indicatorId: string,
  today: string,
): Promise<IndicatorSubject | null> {
  const [row] = await repo.listIndicators(db, { id: indicatorId });
  if (!row) return null;
  const plan = (await repo.findPlanById(db, row.planId))!;
  const periods = await repo.listPeriods(db, plan.id);
  const period = currentPeriod(periods, today);
  if (!period) return null;
  const [view] = await evaluateIndicators(db, metrics, plan, [row], period, today);
  const units = await repo.listTaskUnits(db, [row.taskId]);
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    unit: row.unit,
    planId: plan.id,
    planCode: plan.code,
    districtId: plan.districtId,
    taskId: row.taskId,
    taskLabel: row.taskLabel,
    leadUnitId: units[0]?.id ?? null,
    comparator: row.comparator,
    target: row.target,
    targetLow: row.targetLow,
    targetHigh: row.targetHigh,
    deadline: row.deadline,
    latestValue: view!.latestValue,
    latestPeriod: view!.latestPeriod,
    status: view!.status,
    periods: view!.periods
      .filter((p) => p.phase !== 'future')
      .map((p) => ({ label: p.label, labelEn: p.labelEn, value: p.value, status: p.status })),
  };
}
