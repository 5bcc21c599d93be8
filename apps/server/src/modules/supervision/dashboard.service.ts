import {
  FINDING_STATES,
  ORDER_STATES,
  type AlertTier,
  type FindingState,
  type OrderState,
} from '@zhijiao/contracts';
import { sql, type Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/actor.ts';
import type { SourcedAlert } from '../../platform/alerts/alert-sources.ts';
import type { ReadCache } from '../../platform/cache/read-cache.ts';
import { chinaDate, type Clock } from '../../platform/clock/clock.ts';
import type { Database } from '../../platform/db/database.types.ts';
import { findOrgUnitsByIds } from '../org/index.ts';
import { visibleSql } from './supervision.repository.ts';
import { supervisionView, viewKey } from './supervision.policy.ts';
import { orderDaysLate, orderTier, shiftDate } from './supervision.rules.ts';
import { RED_AFTER_DAYS } from '../action-plans/index.ts';

type Tiers = Record<AlertTier, number>;
const zeroTiers = (): Tiers => ({ blue: 0, yellow: 0, red: 0 });
const zeroStates = <S extends string>(states: readonly S[]) =>
  Object.fromEntries(states.map((s) => [s, 0])) as Record<S, number>;

/** SQL tier of an order on `today`, the same cut-offs as `orderTier`. */
function tierSql(today: string) {
  return sql<AlertTier | null>`CASE WHEN o.state = 'closed' THEN NULL
    WHEN o.due_date < ${shiftDate(today, -RED_AFTER_DAYS)}::date THEN 'red'
    WHEN o.due_date < ${today}::date THEN 'yellow'
    WHEN o.due_date <= ${shiftDate(today, 7)}::date THEN 'blue' END`;
}

export type SupervisionDashboard = Awaited<
  ReturnType<ReturnType<typeof createDashboardService>['dashboard']>
>;

/**
 * The supervision dashboard for the actor's scope: orders by state and colour tier, findings by
 * state, the same per unit, and the most overdue open orders. Three grouped queries over indexed
 * columns, cached a few seconds and dropped on every write of this module.
 */
export function createDashboardService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  cache: ReadCache<unknown>;
}) {
  const { db, clock, cache } = deps;
  const today = () => chinaDate(clock.now());

  async function compute(actor: Actor, limit: number) {
    const view = supervisionView(actor);
    const t = today();
    const [orderRows, findingRows, overdue] = await Promise.all([
      sql<{ orgUnitId: string; state: OrderState; tier: AlertTier | null; n: number; onTime: number }>`
        SELECT o.org_unit_id, o.state, ${tierSql(t)} AS tier, count(*)::int AS n,
          count(*) FILTER (WHERE o.state = 'closed' AND o.closed_on <= o.due_date)::int AS on_time
        FROM rectification_order o WHERE ${visibleSql(view, 'o')} GROUP BY 1, 2, 3`.execute(db),
      sql<{ orgUnitId: string; state: FindingState; n: number }>`
        SELECT f.org_unit_id, f.state, count(*)::int AS n
        FROM finding f WHERE ${visibleSql(view, 'f')} GROUP BY 1, 2`.execute(db),
      sql<{
        id: string;
        title: string;
        orgUnitId: string;
        dueDate: string;
        state: OrderState;
        inspectionId: string;
      }>`
        SELECT o.id, o.title, o.org_unit_id, o.due_date, o.state, o.inspection_id
        FROM rectification_order o
        WHERE ${visibleSql(view, 'o')} AND o.state <> 'closed' AND o.due_date < ${t}::date
        ORDER BY o.due_date, o.id LIMIT ${limit}`.execute(db),
    ]);
    const orders = {
      total: 0,
      open: 0,
      overdue: 0,
      closedOnTime: 0,
      closedLate: 0,
      byState: zeroStates(ORDER_STATES),
      byTier: zeroTiers(),
    };
    const findings = { total: 0, byState: zeroStates(FINDING_STATES) };
    type UnitRow = {
      findings: number;
      openFindings: number;
      orders: number;
      open: number;
      overdue: number;
      closedOnTime: number;
      closedLate: number;
      byTier: Tiers;
    };
    const units = new Map<string, UnitRow>();
    const unit = (id: string) => {
      let u = units.get(id);
      if (!u)
        units.set(
          id,
          (u = {
            findings: 0,
            openFindings: 0,
            orders: 0,
            open: 0,
            overdue: 0,
            closedOnTime: 0,
            closedLate: 0,
            byTier: zeroTiers(),
          }),
        );
      return u;
    };
    for (const r of orderRows.rows) {
      const n = Number(r.n);
      const u = unit(r.orgUnitId);
      orders.total += n;
      u.orders += n;
      orders.byState[r.state] += n;
      if (r.state === 'closed') {
        orders.closedOnTime += Number(r.onTime);
        orders.closedLate += n - Number(r.onTime);
        u.closedOnTime += Number(r.onTime);
        u.closedLate += n - Number(r.onTime);
        continue;
      }
      orders.open += n;
      u.open += n;
      if (r.tier) {
        orders.byTier[r.tier] += n;
        u.byTier[r.tier] += n;
        if (r.tier !== 'blue') {
          orders.overdue += n;
          u.overdue += n;
        }
      }
    }
    for (const r of findingRows.rows) {
      const n = Number(r.n);
      findings.total += n;
      findings.byState[r.state] += n;
      const u = unit(r.orgUnitId);
      u.findings += n;
      if (r.state !== 'resolved') u.openFindings += n;
    }
    const refs = new Map(
      (
        await findOrgUnitsByIds(db, [...new Set([...units.keys(), ...overdue.rows.map((o) => o.orgUnitId)])])
      ).map((u) => [u.id, u]),
    );
    const ref = (id: string) => refs.get(id) ?? { id, code: '', name: '' };
    return {
      today: t,
      scope: view.kind,
      orders,
      findings,
      units: [...units.entries()]
        .map(([id, u]) => ({ unit: ref(id), ...u }))
        .sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.unit.code.localeCompare(b.unit.code)),
      overdue: overdue.rows.map((o) => ({
        id: o.id,
        title: o.title,
        unit: ref(o.orgUnitId),
        state: o.state,
        dueDate: o.dueDate,
        daysLate: orderDaysLate(o.dueDate, t),
        tier: orderTier(o.dueDate, t) ?? 'yellow',
        inspectionId: o.inspectionId,
        link: `/supervision/orders/${o.id}`,
      })),
    };
  }

  /** The dashboard for the actor's scope (cached briefly per scope and day). */
  async function dashboard(actor: Actor, limit: number) {
    const key = `${viewKey(supervisionView(actor))}|${today()}|${limit}`;
    return cache.get(key, () => compute(actor, limit)) as ReturnType<typeof compute>;
  }

  /**
   * Alert source `supervision`: open orders due within 7 days or overdue, addressed to their
   * responsible unit, for what the actor sees (at most 1,000, most overdue first).
   */
  async function alerts(actor: Actor, lang: 'zh' | 'en', t: string): Promise<SourcedAlert[]> {
    if (!actor.permissions.has('supervision.read')) return [];
    const rows = await db
      .selectFrom('rectificationOrder as o')
      .innerJoin('orgUnit as u', 'u.id', 'o.orgUnitId')
      .select(['o.id', 'o.title', 'o.dueDate', 'u.id as unitId', 'u.code', 'u.name'])
      .where(visibleSql(supervisionView(actor), 'o'))
      .where('o.state', '<>', 'closed')
      .where('o.dueDate', '<=', shiftDate(t, 7))
      .orderBy('o.dueDate')
      .orderBy('o.id')
      .limit(1000)
      .execute();
    return rows.map((o) => {
      const daysLate = orderDaysLate(o.dueDate, t);
      const late = daysLate > 0;
      return {
        id: `supervision:${o.id}`,
        source: 'supervision',
        kind: late ? 'rectification_overdue' : 'rectification_due',
        tier: orderTier(o.dueDate, t)!,
        unit: { id: o.unitId, code: o.code, name: o.name },
        title: o.title,
        message: late
          ? lang === 'zh'
            ? `整改通知「${o.title}」已超过整改期限 ${daysLate} 天（期限 ${o.dueDate}）`
            : `Rectification order "${o.title}" is ${daysLate} days past its deadline (${o.dueDate})`
          : lang === 'zh'
            ? `整改通知「${o.title}」将于 ${o.dueDate} 到期（剩 ${-daysLate} 天）`
            : `Rectification order "${o.title}" is due on ${o.dueDate} (${-daysLate} days left)`,
        dueDate: o.dueDate,
        daysLate,
        link: `/supervision/orders/${o.id}`,
      };
    });
  }

  return { dashboard, alerts };
}
