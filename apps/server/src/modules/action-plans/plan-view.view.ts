import { PROGRESS_STATUSES, TASK_OUTCOMES, type IndicatorStatus, type TaskOutcome } from '@zhijiao/contracts';
import type { Static } from 'typebox';
import type { AlertCoreSchema } from './action-plans.schema.ts';
import type { Alert } from './alerts.ts';
import type { LifecycleState } from './plan-lifecycle.ts';
import type { PlanRow, PlanState, TaskState, UnitRef } from './plan-state.ts';

/** The API shape of a plan (`PlanSummary`). */
export function planSummary(p: PlanRow) {
  return {
    id: p.id,
    code: p.code,
    version: p.version,
    title: p.title,
    titleEn: p.titleEn,
    status: p.status,
    stage: p.stage,
    startDate: p.startDate,
    endDate: p.endDate,
    reportingPeriod: p.reportingPeriod,
    district: { code: p.districtCode, name: p.districtName },
  };
}

/** The API shape of a task (`TaskSummary`): the state without its section. */
export function taskSummary(t: LifecycleState['tasks'][number]) {
  const { sectionId: _s, ...rest } = t;
  return rest;
}

type MilestoneRow = PlanState['milestones'][number];

/** A milestone with its unit (null when it names none) and whether it is overdue on `today`. */
export function milestoneView(m: MilestoneRow, today: string) {
  return {
    id: m.id,
    code: m.code,
    title: m.title,
    titleEn: m.titleEn,
    due: m.due,
    unit: m.orgUnitId ? { id: m.orgUnitId, code: m.unitCode ?? '', name: m.unitName ?? '' } : null,
    completedOn: m.completedOn,
    completedBy: m.completedBy,
    ownerNote: m.ownerNote || null,
    overdue: !m.completedOn && m.due < today,
  };
}

/** The light an indicator counts under: once the plan has ended, its verdict at the deadline. */
const VERDICT_LIGHT = { met: 'met', not_met: 'off_track', no_data: 'no_data' } as const;

/**
 * The headline numbers of the dashboard (`pendingReviews` only for reviewers: 0 otherwise). Once
 * the plan has ended, indicators count by their verdict at the deadline, as the pages show them.
 */
export function dashboardKpis(state: PlanState | LifecycleState, pendingReviews: number) {
  const byProgress = Object.fromEntries(PROGRESS_STATUSES.map((s) => [s, 0])) as Record<string, number>;
  for (const t of state.tasks) if (t.progress) byProgress[t.progress] = (byProgress[t.progress] ?? 0) + 1;
  const indicatorsByStatus: Record<IndicatorStatus, number> = {
    met: 0,
    on_track: 0,
    at_risk: 0,
    off_track: 0,
    no_data: 0,
  };
  for (const i of state.indicators) {
    const verdict = 'verdict' in i ? i.verdict : null;
    indicatorsByStatus[verdict ? VERDICT_LIGHT[verdict] : i.status]++;
  }
  const tasks = state.tasks.length;
  const onTrack = (byProgress.on_track ?? 0) + (byProgress.completed ?? 0);
  return {
    tasks,
    tasksOnTrack: onTrack,
    tasksOnTrackShare: tasks === 0 ? 0 : onTrack / tasks,
    tasksAtRisk: byProgress.at_risk ?? 0,
    tasksBehind: byProgress.behind ?? 0,
    tasksCompleted: byProgress.completed ?? 0,
    tasksNotReported: state.tasks.filter((t) => !t.progress).length,
    indicators: state.indicators.length,
    indicatorsByStatus,
    overdueReports: state.alerts
      .filter((a) => a.kind === 'report_overdue')
      .reduce((n, a) => n + Number(a.facts.missingPeriods ?? 1), 0),
    milestonesDue: state.milestones.filter((m) => !m.completedOn && m.due <= state.period.endsOn).length,
    milestonesOverdue: state.alerts.filter((a) => a.kind === 'milestone_overdue').length,
    pendingReviews,
    taskOutcomes: taskOutcomeCounts(state),
  };
}

/** A closed plan's tasks counted by their final outcome; null while no task has one. */
function taskOutcomeCounts(state: PlanState | LifecycleState): Record<TaskOutcome, number> | null {
  const outcomes = state.tasks.map((t) => ('outcome' in t ? t.outcome : null));
  if (outcomes.every((o) => o === null)) return null;
  const counts = Object.fromEntries(TASK_OUTCOMES.map((o) => [o, 0])) as Record<TaskOutcome, number>;
  for (const o of outcomes) if (o) counts[o]++;
  return counts;
}

interface UnitRow {
  unit: UnitRef;
  lead: number;
  onTrack: number;
  atRisk: number;
  behind: number;
  completed: number;
  notReported: number;
}

/** Status by lead unit: how many tasks each leads and how they stand, most tasks first. */
export function unitTable(tasks: TaskState[]): UnitRow[] {
  const rows = new Map<string, UnitRow>();
  for (const t of tasks) {
    const lead = t.units[0];
    if (!lead) continue;
    const row = rows.get(lead.id) ?? {
      unit: { id: lead.id, code: lead.code, name: lead.name },
      lead: 0,
      onTrack: 0,
      atRisk: 0,
      behind: 0,
      completed: 0,
      notReported: 0,
    };
    row.lead++;
    if (t.progress === 'on_track') row.onTrack++;
    else if (t.progress === 'at_risk') row.atRisk++;
    else if (t.progress === 'behind') row.behind++;
    else if (t.progress === 'completed') row.completed++;
    else row.notReported++;
    rows.set(lead.id, row);
  }
  return [...rows.values()].sort((a, b) => b.lead - a.lead || a.unit.code.localeCompare(b.unit.code));
}

/** One alert of `GET /api/alerts` as raised: the plan's own (`source: 'plan'`) or another module's. */
export type AlertOut = Static<typeof AlertCoreSchema>;

/** The plan's alert as the API sends it, given its task, indicator and unit (looked up by the caller). */
export function planAlertOut(
  a: Alert,
  ctx: {
    planCode: string;
    unit: UnitRef | undefined;
    task: TaskState | undefined;
    indicator: { id: string; code: string; name: string } | undefined;
    message: string;
    /** A plan-level alert (no task): its title and the page it leads to. */
    planLevel?: { title: string; link: string };
  },
): AlertOut {
  const { task, indicator: ind } = ctx;
  return {
    id: a.id,
    source: 'plan',
    kind: a.kind,
    tier: a.tier,
    planCode: ctx.planCode,
    unit: ctx.unit
      ? { id: ctx.unit.id, code: ctx.unit.code, name: ctx.unit.name }
      : { id: a.unitId, code: '', name: '' },
    task: task ? { id: task.id, label: task.label, title: task.title } : null,
    indicator: ind ? { id: ind.id, code: ind.code, name: ind.name } : null,
    dueDate: a.dueDate,
    daysLate: a.daysLate,
    message: ctx.message,
    title: task ? `${task.label}${task.title}` : (ctx.planLevel?.title ?? null),
    link: ind ? `/indicators/${ind.id}` : task ? `/tasks/${task.id}` : (ctx.planLevel?.link ?? null),
  };
}

const TIER_RANK = { red: 0, yellow: 1, blue: 2 } as const;

/** Red first, then the latest, then by id (a stable order). */
export function byUrgency(a: AlertOut, b: AlertOut): number {
  return TIER_RANK[a.tier] - TIER_RANK[b.tier] || b.daysLate - a.daysLate || a.id.localeCompare(b.id);
}
