import { PROGRESS_STATUSES, type IndicatorStatus } from '@zhijiao/contracts';
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/actor.ts';
import { chinaDate, type Clock } from '../../platform/clock/clock.ts';
import type { Database } from '../../platform/db/database.types.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import type { MetricRegistry } from '../../platform/metrics/metric-registry.ts';
import * as repo from './action-plans.repository.ts';
import { findOrgUnitsByIds } from '../org/index.ts';
import { alertMessage } from './alert-messages.ts';
import { canReportOnTask, canReview, canSeePlan, scopeUnitIds } from './action-plans.policy.ts';
import { ensurePeriods } from './plan-import.service.ts';
import type { ReadCache } from '../../platform/cache/read-cache.ts';
import type { AlertSources } from '../../platform/alerts/alert-sources.ts';
import {
  evaluateIndicators,
  loadPlanState,
  type PlanRow,
  type PlanState,
  type TaskState,
} from './plan-state.ts';
import { listReports } from './progress.queries.ts';

type Lang = 'zh' | 'en';

export type CachedState =
  (PlanState & { sections: Awaited<ReturnType<typeof repo.listSections>>; pendingReviews: number }) | null;

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

function kpis(state: PlanState, pendingReviews: number) {
  const byProgress = Object.fromEntries(PROGRESS_STATUSES.map((s) => [s, 0])) as Record<string, number>;
  for (const t of state.tasks) if (t.progress) byProgress[t.progress] = (byProgress[t.progress] ?? 0) + 1;
  const indicatorsByStatus: Record<IndicatorStatus, number> = {
    met: 0,
    on_track: 0,
    at_risk: 0,
    off_track: 0,
    no_data: 0,
  };
  for (const i of state.indicators) indicatorsByStatus[i.status]++;
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
  };
}

function unitTable(tasks: TaskState[]) {
  const rows = new Map<
    string,
    {
      unit: { id: string; code: string; name: string };
      lead: number;
      onTrack: number;
      atRisk: number;
      behind: number;
      completed: number;
      notReported: number;
    }
  >();
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

/** Read side of the action-plan module: dashboard, tasks, indicators, alerts, the public portal. */
export function createPlanViewService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  metrics: MetricRegistry;
  cache: ReadCache<CachedState>;
  alertSources?: AlertSources;
}) {
  const { db, clock, metrics, cache } = deps;
  const today = () => chinaDate(clock.now());
  // Periods are extended at most once a day per plan, not on every read.
  const periodsCheckedOn = new Map<string, string>();

  async function ensureCurrentPeriods(plan: PlanRow) {
    const t = today();
    if (plan.status === 'archived' || periodsCheckedOn.get(plan.id) === t) return;
    await ensurePeriods(db, plan.id, plan.startDate, plan.endDate, plan.reportingPeriod, t);
    periodsCheckedOn.set(plan.id, t);
  }

  async function planOr404(code: string, actor: Actor) {
    const plan = await repo.findCurrentPlanByCode(db, code);
    if (!plan || !canSeePlan(actor, plan)) throw notFound();
    return plan;
  }

  /** Current plans of the actor's district (every plan for installation-wide roles). */
  async function visiblePlans(actor: Actor) {
    return (await repo.listCurrentPlans(db, { publishedOnly: false })).filter((p) => canSeePlan(actor, p));
  }

  /**
   * The state of a plan as one actor's scope sees it, cached briefly: dashboards are read far
   * more often than reports are written, and every write in this module invalidates the cache.
   */
  async function state(actor: Actor, code: string, periodId?: string): Promise<NonNullable<CachedState>> {
    const scope = scopeUnitIds(actor);
    const key = `${code}|${periodId ?? ''}|${today()}|${scope ? [...scope].sort().join(',') : '*'}`;
    const s = await cache.get(key, async () => {
      const plan = await planOr404(code, actor);
      await ensureCurrentPeriods(plan);
      const loaded = await loadPlanState(db, metrics, plan, { periodId, orgUnitIds: scope, today: today() });
      if (!loaded) return null;
      const [sections, pending] = await Promise.all([
        repo.listSections(db, plan.id),
        repo.countPendingReviews(db, plan.id),
      ]);
      return { ...loaded, sections, pendingReviews: Number(pending.n) };
    });
    if (!s) throw notFound();
    return s;
  }

  async function listPlans(actor: Actor) {
    return (await visiblePlans(actor)).map(planSummary);
  }

  async function listPeriods(actor: Actor, code: string) {
    const plan = await planOr404(code, actor);
    await ensureCurrentPeriods(plan);
    const t = today();
    return (await repo.listPeriods(db, plan.id)).map((p) => ({
      ...p,
      current: p.startsOn <= t && t <= p.endsOn,
    }));
  }

  async function dashboard(actor: Actor, code: string, periodId?: string) {
    const s = await state(actor, code, periodId);
    return {
      plan: planSummary(s.plan),
      period: s.period,
      kpis: kpis(s, canReview(actor) ? s.pendingReviews : 0),
      sections: s.sections.map((sec) => ({
        ...sec,
        tasks: s.tasks.filter((t) => t.sectionId === sec.id).map(taskOut),
      })),
      units: unitTable(s.tasks),
    };
  }

  async function listTasks(actor: Actor, code: string, periodId?: string) {
    const s = await state(actor, code, periodId);
    return s.tasks.map(taskOut);
  }

  /** Every milestone of the plan the actor sees, by due date, with its task and overdue flag. */
  async function listMilestones(actor: Actor, code: string) {
    const s = await state(actor, code);
    const taskById = new Map(s.tasks.map((t) => [t.id, t]));
    return s.milestones.map((m) => {
      const task = taskById.get(m.taskId);
      const lead = task?.units[0];
      return {
        id: m.id,
        code: m.code,
        title: m.title,
        titleEn: m.titleEn,
        due: m.due,
        task: { id: m.taskId, label: task?.label ?? '', title: task?.title ?? '' },
        unit: m.orgUnitId
          ? { id: m.orgUnitId, code: m.unitCode ?? '', name: m.unitName ?? '' }
          : (lead ?? null),
        completedOn: m.completedOn,
        overdue: !m.completedOn && m.due < today(),
      };
    });
  }

  async function listIndicators(actor: Actor, code: string, periodId?: string) {
    const s = await state(actor, code, periodId);
    return s.indicators;
  }

  /**
   * The plan's alerts (of one plan, or every plan the actor sees) followed by the alerts other
   * modules raise (`source` ≠ 'plan'; `planCode` narrows only the plan's own), red first.
   */
  async function alerts(actor: Actor, lang: Lang, planCode?: string) {
    const plans = planCode ? [await planOr404(planCode, actor)] : await visiblePlans(actor);
    const out: AlertOut[] = [];
    for (const plan of plans) {
      const s = await state(actor, plan.code);
      const taskById = new Map(s.tasks.map((t) => [t.id, t]));
      // Alerts may go to a milestone's own unit, which need not be among the task's units.
      const unitRows = await findOrgUnitsByIds(db, [...new Set(s.alerts.map((a) => a.unitId))]);
      const unitById = new Map(unitRows.map((u) => [u.id, u]));
      const indById = new Map(s.indicators.map((i) => [i.id, i]));
      const msById = new Map(s.milestones.map((m) => [m.id, m]));
      for (const a of s.alerts) {
        const task = a.taskId ? taskById.get(a.taskId) : undefined;
        const ind = a.indicatorId ? indById.get(a.indicatorId) : undefined;
        const unit = unitById.get(a.unitId);
        out.push({
          id: a.id,
          source: 'plan',
          kind: a.kind,
          tier: a.tier,
          planCode: plan.code,
          unit: unit
            ? { id: unit.id, code: unit.code, name: unit.name }
            : { id: a.unitId, code: '', name: '' },
          task: task ? { id: task.id, label: task.label, title: task.title } : null,
          indicator: ind ? { id: ind.id, code: ind.code, name: ind.name } : null,
          dueDate: a.dueDate,
          daysLate: a.daysLate,
          message: alertMessage(a, lang, {
            task,
            indicator: ind,
            milestone: msById.get(String(a.facts.milestone)),
          }),
          title: task ? `${task.label}${task.title}` : null,
          link: ind ? `/indicators/${ind.id}` : task ? `/tasks/${task.id}` : null,
        });
      }
    }
    for (const a of (await deps.alertSources?.collect(actor, lang, today())) ?? []) {
      out.push({ ...a, planCode: null, task: null, indicator: null });
    }
    const rank = { red: 0, yellow: 1, blue: 2 } as const;
    return out.sort(
      (a, b) => rank[a.tier] - rank[b.tier] || b.daysLate - a.daysLate || a.id.localeCompare(b.id),
    );
  }

  async function taskDetail(actor: Actor, taskId: string) {
    const task = await repo.findTaskById(db, taskId);
    if (!task) throw notFound();
    const units = await repo.listInvolvedUnitIds(db, task.id);
    const scope = scopeUnitIds(actor);
    if (scope && !units.some((u) => scope.includes(u.id))) throw notFound();
    const plan = (await repo.findPlanById(db, task.planId))!;
    const s = await state(actor, plan.code);
    const summary = s.tasks.find((t) => t.id === task.id)!;
    const reports = await listReports(db, actor, { taskId: task.id });
    return {
      task: {
        ...taskOut(summary),
        text: task.text,
        sectionTitle: task.sectionTitle,
        planCode: task.planCode,
      },
      indicators: s.indicators.filter((i) => i.taskId === task.id),
      milestones: s.milestones
        .filter((m) => m.taskId === task.id)
        .map((m) => ({
          id: m.id,
          code: m.code,
          title: m.title,
          titleEn: m.titleEn,
          due: m.due,
          unit: m.orgUnitId ? { id: m.orgUnitId, code: m.unitCode ?? '', name: m.unitName ?? '' } : null,
          completedOn: m.completedOn,
          overdue: !m.completedOn && m.due < today(),
        })),
      reports,
      currentPeriodId: s.period.id,
      abilities: { report: canReportOnTask(actor, units), review: canReview(actor) },
    };
  }

  async function indicatorDetail(actor: Actor, id: string) {
    const [row] = await repo.listIndicators(db, { id });
    if (!row) throw notFound();
    const units = await repo.listInvolvedUnitIds(db, row.taskId);
    const scope = scopeUnitIds(actor);
    if (scope && !units.some((u) => scope.includes(u.id))) throw notFound();
    const plan = (await repo.findPlanById(db, row.planId))!;
    const periods = await repo.listPeriods(db, plan.id);
    const t = today();
    const period = periods.find((p) => p.startsOn <= t && t <= p.endsOn) ?? periods[periods.length - 1];
    if (!period) throw notFound();
    const [indicator] = await evaluateIndicators(db, metrics, plan, [row], period, t);
    const history: Array<{
      periodId: string;
      periodLabel: string;
      endsOn: string;
      value: number;
      source: 'report' | 'metric';
    }> = (await repo.indicatorHistory(db, id)).map((h) => ({
      periodId: h.periodId,
      periodLabel: h.periodLabel,
      endsOn: h.endsOn,
      value: h.value,
      source: 'report',
    }));
    let drillDown: Array<{ label: string; value: number }> | undefined;
    if (row.kind === 'computed' && row.metric && metrics.has(row.metric)) {
      const v = await metrics.compute(row.metric, {
        db,
        orgUnitId: plan.districtId,
        period,
        planId: plan.id,
        today: t,
      });
      drillDown = v.drillDown.map((d) => ({ label: d.label, value: d.value }));
      history.push({
        periodId: period.id,
        periodLabel: period.label,
        endsOn: period.endsOn,
        value: v.value,
        source: 'metric',
      });
    }
    return { indicator: indicator!, history, drillDown };
  }

  return {
    listPlans,
    listPeriods,
    dashboard,
    listTasks,
    listMilestones,
    listIndicators,
    alerts,
    taskDetail,
    indicatorDetail,
    today,
  };
}

/** One alert of `GET /api/alerts`: the plan's own (`source: 'plan'`) or another module's. */
type AlertOut = {
  id: string;
  source: string;
  kind: string;
  tier: 'blue' | 'yellow' | 'red';
  planCode: string | null;
  unit: { id: string; code: string; name: string };
  task: { id: string; label: string; title: string } | null;
  indicator: { id: string; code: string; name: string } | null;
  title: string | null;
  dueDate: string | null;
  daysLate: number;
  message: string;
  link: string | null;
};

function taskOut(t: TaskState) {
  const { sectionId: _s, ...rest } = t;
  return rest;
}

export type PlanViewService = ReturnType<typeof createPlanViewService>;
