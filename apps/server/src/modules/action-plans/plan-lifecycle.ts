import type { EvaluationState, FinalVerdict, PlanPhase, TaskOutcome } from '@zhijiao/contracts';
import type { Executor } from '../../platform/db/database.ts';
import type { MetricRegistry } from '../../platform/metrics/metric-registry.ts';
import * as repo from './action-plans.repository.ts';
import { collapseEndedPlanAlerts, FINAL_EVALUATION_GRACE_DAYS } from './alerts.ts';
import * as closing from './plan-closing.repository.ts';
import { coordinatingUnitId, planPhase, verdictOf } from './plan-closing.rules.ts';
import {
  currentPeriod,
  evaluateIndicators,
  type IndicatorView,
  type PeriodRow,
  type PlanRow,
  type PlanState,
  type TaskState,
} from './plan-state.ts';

type IndicatorRow = Awaited<ReturnType<typeof repo.listIndicators>>[number];

/** Where a plan stands in its life, as the dashboard's banner reads it. */
export interface Lifecycle {
  phase: PlanPhase;
  endDate: string;
  /** The day the final evaluation is due (the end date + the grace period). */
  evaluationDueOn: string;
  evaluationState: EvaluationState | null;
  closedOn: string | null;
}

/** An indicator's final verdict at its deadline, with the value it was judged on. */
export interface DeadlineVerdict {
  indicatorId: string;
  deadline: string;
  value: number | null;
  valuePeriod: string | null;
  status: IndicatorView['status'];
  verdict: FinalVerdict;
}

/** A plan's state with its life: the final verdicts and outcomes once it has ended or closed. */
export type LifecycleState = Omit<PlanState, 'tasks' | 'indicators'> & {
  lifecycle: Lifecycle;
  tasks: Array<TaskState & { outcome: TaskOutcome | null }>;
  indicators: Array<IndicatorView & { verdict: FinalVerdict | null }>;
};

const addDays = (date: string, days: number) =>
  new Date(Date.parse(date) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Each indicator judged on its own deadline: `evaluateIndicators` with the period that contains
 * the deadline (else the last one started before it) and `today` = the deadline; its status is
 * the final verdict. One evaluation per distinct deadline.
 */
export async function verdictsAtDeadlines(
  db: Executor,
  metrics: MetricRegistry,
  plan: PlanRow,
  rows: IndicatorRow[],
  periods: PeriodRow[],
): Promise<DeadlineVerdict[]> {
  const byDeadline = new Map<string, IndicatorRow[]>();
  for (const r of rows) byDeadline.set(r.deadline, [...(byDeadline.get(r.deadline) ?? []), r]);
  const out: DeadlineVerdict[] = [];
  for (const [deadline, group] of byDeadline) {
    const period = currentPeriod(periods, deadline);
    if (!period) continue;
    for (const v of await evaluateIndicators(db, metrics, plan, group, period, deadline))
      out.push({
        indicatorId: v.id,
        deadline,
        value: v.latestValue,
        valuePeriod: v.latestPeriod,
        status: v.status,
        verdict: verdictOf(v.status),
      });
  }
  return out;
}

/**
 * The plan's state with its life taken into account (`today` in China): a running plan unchanged;
 * an ended one with its alerts collapsed into one (`collapseEndedPlanAlerts`), no task coloured by
 * lateness and each indicator's verdict at its deadline; a closed one with no alerts, the verdicts
 * frozen at closing and each task's final outcome. Verdicts and outcomes belong to the plan's last
 * period: a past period of an ended plan reads as it stood then. `orgUnitIds` scopes the plan-level
 * alert.
 */
export async function withLifecycle(
  db: Executor,
  metrics: MetricRegistry,
  state: PlanState,
  opts: { today: string; orgUnitIds: readonly string[] | null },
): Promise<LifecycleState> {
  const { plan } = state;
  const evaluation = await closing.findEvaluationByPlanCode(db, plan.code);
  const phase = planPhase(plan.endDate, opts.today, evaluation?.state ?? null);
  const lifecycle: Lifecycle = {
    phase,
    endDate: plan.endDate,
    evaluationDueOn: addDays(plan.endDate, FINAL_EVALUATION_GRACE_DAYS),
    evaluationState: evaluation?.state ?? null,
    closedOn: evaluation?.closedOn ?? null,
  };
  if (phase === 'running')
    return {
      ...state,
      lifecycle,
      tasks: state.tasks.map((t) => ({ ...t, outcome: null })),
      indicators: state.indicators.map((i) => ({ ...i, verdict: null })),
    };
  const closed = phase === 'closed' && evaluation;
  const finalPeriod = state.period.endsOn >= plan.endDate;
  const [verdicts, outcomes, leads] = await Promise.all([
    !finalPeriod
      ? Promise.resolve([])
      : closed
        ? closing.listEvaluationIndicators(db, evaluation.id)
        : liveVerdicts(db, metrics, state),
    closed && finalPeriod ? closing.listEvaluationTasks(db, evaluation.id) : Promise.resolve([]),
    closing.listTaskLeads(db, plan.id),
  ]);
  const verdictOfId = new Map(verdicts.map((v) => [v.indicatorId, v.verdict]));
  const outcomeOf = new Map(outcomes.map((o) => [o.taskId, o.outcome]));
  const alerts = collapseEndedPlanAlerts(state.alerts, opts.today, {
    planId: plan.id,
    endDate: plan.endDate,
    closed: phase === 'closed',
    coordinatingUnitId: coordinatingUnitId(leads, plan.districtId),
  }).filter((a) => !opts.orgUnitIds || opts.orgUnitIds.includes(a.unitId));
  return {
    ...state,
    lifecycle,
    alerts,
    tasks: state.tasks.map((t) => ({
      ...t,
      alertTier: null,
      alertReasons: [],
      outcome: outcomeOf.get(t.id) ?? null,
    })),
    indicators: state.indicators.map((i) => ({ ...i, verdict: verdictOfId.get(i.id) ?? null })),
  };
}

/**
 * The verdicts of an ended plan's indicators at their deadlines. A deadline on or after the end of
 * the state's own period (the plan's last) is judged on the same records as of the same day, so the
 * state's evaluation is the verdict: only earlier deadlines are evaluated again.
 */
async function liveVerdicts(
  db: Executor,
  metrics: MetricRegistry,
  state: PlanState,
): Promise<Array<{ indicatorId: string; verdict: FinalVerdict }>> {
  const { period } = state;
  const judged = state.indicators.filter((i) => i.deadline >= period.endsOn);
  const ids = new Set(state.indicators.filter((i) => i.deadline < period.endsOn).map((i) => i.id));
  const rows =
    ids.size === 0
      ? []
      : (await repo.listIndicators(db, { planId: state.plan.id })).filter((r) => ids.has(r.id));
  return [
    ...judged.map((i) => ({ indicatorId: i.id, verdict: verdictOf(i.status) })),
    ...(await verdictsAtDeadlines(db, metrics, state.plan, rows, state.periods)),
  ];
}
