import type { Actor } from '../../platform/auth/actor.ts';
import type { SourcedAlert } from '../../platform/alerts/alert-sources.ts';
import type { ReadCache } from '../../platform/cache/read-cache.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { tallyDashboard } from './dashboard.view.ts';
import { listDueOrders } from './orders.repository.ts';
import { countFindingsByUnit, countOrdersByUnit, listOverdueOrders } from './stats.repository.ts';
import { todayOf, unitNamer } from './supervision.access.ts';
import { supervisionView, viewKey } from './supervision.policy.ts';
import { orderDaysLate, orderTier, shiftDate } from './supervision.rules.ts';

/** The dashboard's dependencies: the module's, and its cache (dropped when the module writes). */
export interface DashboardDeps extends ModuleDeps {
  cache: ReadCache<unknown>;
}

/** The dashboard computed for the actor's scope. */
async function compute(deps: ModuleDeps, actor: Actor, limit: number) {
  const view = supervisionView(actor);
  const today = todayOf(deps);
  const [orderRows, findingRows, overdue] = await Promise.all([
    countOrdersByUnit(deps.db, view, today),
    countFindingsByUnit(deps.db, view),
    listOverdueOrders(deps.db, view, today, limit),
  ]);
  const { orders, findings, units } = tallyDashboard(orderRows, findingRows);
  const unit = await unitNamer(deps.db, [...units.keys(), ...overdue.map((o) => o.orgUnitId)]);
  return {
    today,
    scope: view.kind,
    orders,
    findings,
    units: [...units.entries()]
      .map(([id, u]) => ({ unit: unit(id), ...u }))
      .sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.unit.code.localeCompare(b.unit.code)),
    overdue: overdue.map((o) => ({
      id: o.id,
      title: o.title,
      unit: unit(o.orgUnitId),
      state: o.state,
      dueDate: o.dueDate,
      daysLate: orderDaysLate(o.dueDate, today),
      tier: orderTier(o.dueDate, today) ?? 'yellow',
      inspectionId: o.inspectionId,
      link: `/supervision/orders/${o.id}`,
    })),
  };
}

export type SupervisionDashboard = Awaited<ReturnType<typeof compute>>;

/**
 * The supervision dashboard for the actor's scope: orders by state and colour tier, findings by
 * state, the same per unit, and the most overdue open orders. Three grouped queries over indexed
 * columns, cached a few seconds per scope and day, dropped whenever the module writes.
 */
export async function dashboard(deps: DashboardDeps, actor: Actor, limit: number) {
  const key = `${viewKey(supervisionView(actor))}|${todayOf(deps)}|${limit}`;
  return deps.cache.get(key, () => compute(deps, actor, limit)) as Promise<SupervisionDashboard>;
}

/** The line of an alert about an order due on `dueDate`, `daysLate` days late (negative: left). */
function alertMessage(lang: 'zh' | 'en', title: string, dueDate: string, daysLate: number) {
  if (daysLate > 0)
    return lang === 'zh'
      ? `整改通知“${title}”已超过整改期限 ${daysLate} 天（期限 ${dueDate}）`
      : `Rectification order "${title}" is ${daysLate} days past its deadline (${dueDate})`;
  return lang === 'zh'
    ? `整改通知“${title}”将于 ${dueDate} 到期（剩 ${-daysLate} 天）`
    : `Rectification order "${title}" is due on ${dueDate} (${-daysLate} days left)`;
}

/**
 * Alert source `supervision`: open orders due within 7 days or overdue, addressed to their
 * responsible unit, for what the actor sees (at most 1,000, most overdue first).
 */
export async function alerts(
  deps: DashboardDeps,
  actor: Actor,
  lang: 'zh' | 'en',
  today: string,
): Promise<SourcedAlert[]> {
  if (!actor.permissions.has('supervision.read')) return [];
  const rows = await listDueOrders(deps.db, supervisionView(actor), shiftDate(today, 7));
  const unit = await unitNamer(
    deps.db,
    rows.map((o) => o.orgUnitId),
  );
  return rows.map((o) => {
    const daysLate = orderDaysLate(o.dueDate, today);
    return {
      id: `supervision:${o.id}`,
      source: 'supervision',
      kind: daysLate > 0 ? 'rectification_overdue' : 'rectification_due',
      tier: orderTier(o.dueDate, today)!,
      unit: unit(o.orgUnitId),
      title: o.title,
      message: alertMessage(lang, o.title, o.dueDate, daysLate),
      dueDate: o.dueDate,
      daysLate,
      link: `/supervision/orders/${o.id}`,
    };
  });
}
