import {
  acknowledgeAlerts as acknowledge,
  withAcknowledgements,
} from '../../platform/alerts/alert-acknowledgements.service.ts';
import type { AcknowledgementBody } from '../../platform/alerts/alert-acknowledgements.schema.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { unitRefsByIds } from '../org/index.ts';
import { alertMessage, type Lang } from './alert-messages.ts';
import {
  findVisiblePlan,
  listVisiblePlans,
  loadCachedState,
  todayOf,
  type PlanViewDeps,
} from './plan-reads.ts';
import type { PlanRow } from './plan-state.ts';
import { byUrgency, planAlertOut, type AlertOut } from './plan-view.view.ts';

/**
 * The plan's alerts (of one plan, or every plan the actor sees) followed by the alerts other
 * modules raise (`source` ≠ 'plan'; `planCode` narrows only the plan's own), red first, each with
 * the addressed unit's acknowledgement (已知悉) at its current tier and whether the actor may give
 * it; `acknowledged` keeps only the acknowledged (true) or the not yet acknowledged (false).
 */
export async function alerts(
  deps: PlanViewDeps,
  actor: Actor,
  lang: Lang,
  planCode?: string,
  filter: { acknowledged?: boolean } = {},
) {
  const listed = await withAcknowledgements(deps.db, actor, await raisedAlerts(deps, actor, lang, planCode));
  const { acknowledged } = filter;
  return acknowledged === undefined
    ? listed
    : listed.filter((a) => (a.acknowledgement !== null) === acknowledged);
}

/**
 * 知悉: the actor's unit acknowledges alerts of the actor's list (every plan and every source,
 * computed now), one or many, at the tier each was seen at; all or nothing (see
 * `acknowledgeAlerts` in platform/alerts).
 */
export async function acknowledgeAlerts(
  deps: PlanViewDeps,
  actor: Actor,
  lang: Lang,
  input: AcknowledgementBody,
) {
  const current = (await raisedAlerts(deps, actor, lang)).map((a) => ({
    ...a,
    // A task has several alerts: one on an indicator is named by the indicator.
    title: a.indicator ? `${a.task?.label ?? ''}${a.indicator.name}` : a.title,
  }));
  return acknowledge(deps, actor, current, input);
}

/** The alerts as raised now: the plan's own, then every other source's, red first. */
async function raisedAlerts(deps: PlanViewDeps, actor: Actor, lang: Lang, planCode?: string) {
  const plans = planCode
    ? [await findVisiblePlan(deps, actor, planCode)]
    : await listVisiblePlans(deps, actor);
  const out: AlertOut[] = [];
  for (const plan of plans) out.push(...(await planAlerts(deps, actor, lang, plan)));
  for (const a of await deps.alertSources.collect(actor, lang, todayOf(deps)))
    out.push({ ...a, planCode: null, task: null, indicator: null });
  return out.sort(byUrgency);
}

async function planAlerts(deps: PlanViewDeps, actor: Actor, lang: Lang, plan: PlanRow): Promise<AlertOut[]> {
  const s = await loadCachedState(deps, actor, plan.code);
  const taskById = new Map(s.tasks.map((t) => [t.id, t]));
  // Alerts may go to a milestone's own unit, which need not be among the task's units.
  const units = await unitRefsByIds(
    deps.db,
    s.alerts.map((a) => a.unitId),
  );
  const indById = new Map(s.indicators.map((i) => [i.id, i]));
  const msById = new Map(s.milestones.map((m) => [m.id, m]));
  return s.alerts.map((a) => {
    const task = a.taskId ? taskById.get(a.taskId) : undefined;
    const indicator = a.indicatorId ? indById.get(a.indicatorId) : undefined;
    const milestone = msById.get(String(a.facts.milestone));
    return planAlertOut(a, {
      planCode: plan.code,
      unit: units.get(a.unitId),
      task,
      indicator,
      message: alertMessage(a, lang, { task, indicator, milestone }),
      planLevel:
        a.kind === 'plan_ended'
          ? {
              title: lang === 'zh' ? '计划已到期，待开展终期评估' : 'Plan ended: final evaluation due',
              link: `/plans/${plan.code}/evaluation`,
            }
          : undefined,
    });
  });
}
