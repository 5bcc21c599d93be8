import type { Actor } from '../../platform/auth/actor.ts';
import { canReview, maySeeEvaluation } from './action-plans.policy.ts';
import * as repo from './action-plans.repository.ts';
import { periodStatus } from './periods.ts';
import {
  findVisiblePlan,
  listVisiblePlans,
  loadCachedState,
  todayOf,
  type PlanViewDeps,
} from './plan-reads.ts';
import { dashboardKpis, milestoneView, planSummary, taskSummary, unitTable } from './plan-view.view.ts';

/* The plan's read side for signed-in users: plans, periods, the dashboard, tasks, milestones and indicators. */

/** Current versions of the plans the actor sees. */
export async function listPlans(deps: PlanViewDeps, actor: Actor) {
  return (await listVisiblePlans(deps, actor)).map(planSummary);
}

/** Reporting periods of a plan, oldest first, the one containing today marked `current`. */
export async function listPeriods(deps: PlanViewDeps, actor: Actor, code: string) {
  const plan = await findVisiblePlan(deps, actor, code);
  const today = todayOf(deps);
  return (await repo.listPeriods(deps.db, plan.id)).map((p) => ({
    ...p,
    current: p.startsOn <= today && today <= p.endsOn,
    status: periodStatus(p, today),
  }));
}

/** The plan overview for a period (the current one by default): KPIs, sections with tasks, units. */
export async function dashboard(deps: PlanViewDeps, actor: Actor, code: string, periodId?: string) {
  const s = await loadCachedState(deps, actor, code, periodId);
  return {
    plan: planSummary(s.plan),
    period: s.period,
    lifecycle: {
      ...s.lifecycle,
      readEvaluation: maySeeEvaluation(actor, s.plan, s.lifecycle.evaluationState ?? 'draft'),
    },
    kpis: dashboardKpis(s, canReview(actor) ? s.pendingReviews : 0),
    sections: s.sections.map((sec) => ({
      ...sec,
      tasks: s.tasks.filter((t) => t.sectionId === sec.id).map(taskSummary),
    })),
    units: unitTable(s.tasks),
  };
}

/** The tasks the actor sees, with progress and alert tier. */
export async function listTasks(deps: PlanViewDeps, actor: Actor, code: string, periodId?: string) {
  const s = await loadCachedState(deps, actor, code, periodId);
  return s.tasks.map(taskSummary);
}

/** Every milestone of the plan the actor sees, by due date, with its task and overdue flag. */
export async function listMilestones(deps: PlanViewDeps, actor: Actor, code: string) {
  const s = await loadCachedState(deps, actor, code);
  const taskById = new Map(s.tasks.map((t) => [t.id, t]));
  const today = todayOf(deps);
  return s.milestones.map((m) => {
    const task = taskById.get(m.taskId);
    const lead = task?.units[0];
    const view = milestoneView(m, today);
    return {
      ...view,
      task: { id: m.taskId, label: task?.label ?? '', title: task?.title ?? '' },
      // A milestone naming no unit falls to the task's lead unit.
      unit: view.unit ?? (lead ? { id: lead.id, code: lead.code, name: lead.name } : null),
    };
  });
}

/** The indicators of the tasks the actor sees, with their latest value and status for the period. */
export async function listIndicators(deps: PlanViewDeps, actor: Actor, code: string, periodId?: string) {
  const s = await loadCachedState(deps, actor, code, periodId);
  return s.indicators;
}
