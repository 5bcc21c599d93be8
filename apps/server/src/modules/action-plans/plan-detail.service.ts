import type { Actor } from '../../platform/auth/actor.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import { canReportOnTask, canReview } from './action-plans.policy.ts';
import * as repo from './action-plans.repository.ts';
import { findVisibleTaskUnits, loadCachedState, todayOf, type PlanViewDeps } from './plan-reads.ts';
import { indicatorTimeline } from './indicator-timeline.ts';
import { evaluateIndicators, type PeriodRow, type PlanRow } from './plan-state.ts';
import { milestoneView, taskSummary } from './plan-view.view.ts';
import { listReports } from './progress.service.ts';

/* One task, one indicator: the pages behind a dashboard row. */

/** A task: its text, units, indicators, milestones, reports, and whether the actor may report or review. */
export async function taskDetail(deps: PlanViewDeps, actor: Actor, taskId: string) {
  const task = await repo.findTaskById(deps.db, taskId);
  if (!task) throw notFound();
  const units = await findVisibleTaskUnits(deps, actor, task.id);
  const s = await loadCachedState(deps, actor, task.planCode);
  const summary = s.tasks.find((t) => t.id === task.id)!;
  const today = todayOf(deps);
  return {
    task: {
      ...taskSummary(summary),
      text: task.text,
      sectionTitle: task.sectionTitle,
      planCode: task.planCode,
    },
    indicators: s.indicators.filter((i) => i.taskId === task.id),
    milestones: s.milestones.filter((m) => m.taskId === task.id).map((m) => milestoneView(m, today)),
    reports: await listReports(deps, actor, { taskId: task.id }),
    currentPeriodId: s.period.id,
    abilities: { report: canReportOnTask(actor, units), review: canReview(actor) },
  };
}

/** An indicator with its value per period (reported, and the metric's now when computed) and drill-down. */
export async function indicatorDetail(deps: PlanViewDeps, actor: Actor, id: string) {
  const [row] = await repo.listIndicators(deps.db, { id });
  if (!row) throw notFound();
  await findVisibleTaskUnits(deps, actor, row.taskId);
  const plan = (await repo.findPlanById(deps.db, row.planId))!;
  const periods = await repo.listPeriods(deps.db, plan.id);
  const today = todayOf(deps);
  const period = periods.find((p) => p.startsOn <= today && today <= p.endsOn) ?? periods[periods.length - 1];
  if (!period) throw notFound();
  const [evaluated] = await evaluateIndicators(deps.db, deps.metrics, plan, [row], period, today);
  // Once the plan has ended, the verdict at the deadline (frozen at closing) goes with it.
  const state = await loadCachedState(deps, actor, plan.code);
  const indicator = { ...evaluated!, verdict: state.indicators.find((i) => i.id === id)?.verdict ?? null };
  const history = (await repo.indicatorHistory(deps.db, id)).map((h) => ({
    periodId: h.periodId,
    periodLabel: h.periodLabel,
    endsOn: h.endsOn,
    value: h.value,
    source: 'report' as 'report' | 'metric',
  }));
  const line = await indicatorTimeline(deps, plan, indicator, periods, history, today);
  if (row.kind !== 'computed' || !row.metric || !deps.metrics.has(row.metric))
    return { indicator: indicator, history, timeline: line };
  const computed = await computeNow(deps, row.metric, plan, period, today);
  history.push({ ...computed.point, source: 'metric' });
  const metricDescription = deps.metrics.get(row.metric)!.description;
  return { indicator: indicator, history, timeline: line, drillDown: computed.drillDown, metricDescription };
}

/** A computed indicator's metric for the current period: the value as a history point, and its drill-down. */
async function computeNow(
  deps: PlanViewDeps,
  metric: string,
  plan: PlanRow,
  period: PeriodRow,
  today: string,
) {
  const v = await deps.metrics.compute(metric, {
    db: deps.db,
    orgUnitId: plan.districtId,
    period,
    planId: plan.id,
    today,
  });
  return {
    point: { periodId: period.id, periodLabel: period.label, endsOn: period.endsOn, value: v.value },
    drillDown: v.drillDown.map((d) => ({ label: d.label, value: d.value })),
  };
}
