import type { AlertTier } from '@zhijiao/contracts';
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { MetricDefinition } from '../../platform/metrics/metric-registry.ts';
import { orderTier } from './supervision.rules.ts';

/** Open items listed per unit by `listOpenOrdersByUnit` (the most urgent first). */
export const OPEN_ITEMS_PER_UNIT = 50;

/**
 * Open rectification orders (not yet 销号) of each unit on `today`: how many, how many overdue,
 * and the orders themselves by due date (at most `OPEN_ITEMS_PER_UNIT` each) with their colour
 * tier. For other modules (the joint meeting's agenda); every unit asked for is in the map.
 *
 * @example (await listOpenOrdersByUnit(db, [hrssId], '2021-06-01')).get(hrssId) // { open: 2, overdue: 1, items: […] }
 */
export async function listOpenOrdersByUnit(
  db: Executor,
  unitIds: string[],
  today: string,
): Promise<
  Map<
    string,
    {
      open: number;
      overdue: number;
      items: Array<{ id: string; title: string; dueDate: string; tier: AlertTier | null }>;
    }
  >
> {
  const out = new Map<
    string,
    {
      open: number;
      overdue: number;
      items: Array<{ id: string; title: string; dueDate: string; tier: AlertTier | null }>;
    }
  >();
  for (const id of unitIds) out.set(id, { open: 0, overdue: 0, items: [] });
  if (unitIds.length === 0) return out;
  const rows = await sql<{
    id: string;
    title: string;
    dueDate: string;
    orgUnitId: string;
    rank: number;
    open: number;
    overdue: number;
  }>`
    SELECT * FROM (
      SELECT o.id, o.title, o.due_date, o.org_unit_id,
        row_number() OVER (PARTITION BY o.org_unit_id ORDER BY o.due_date, o.id)::int AS rank,
        count(*) OVER (PARTITION BY o.org_unit_id)::int AS open,
        count(*) FILTER (WHERE o.due_date < ${today}::date) OVER (PARTITION BY o.org_unit_id)::int AS overdue
      FROM rectification_order o
      WHERE o.org_unit_id = ANY(${unitIds}::uuid[]) AND o.state <> 'closed'
    ) x WHERE rank <= ${OPEN_ITEMS_PER_UNIT} ORDER BY org_unit_id, rank`.execute(db);
  for (const r of rows.rows) {
    const entry = out.get(r.orgUnitId)!;
    entry.open = Number(r.open);
    entry.overdue = Number(r.overdue);
    entry.items.push({ id: r.id, title: r.title, dueDate: r.dueDate, tier: orderTier(r.dueDate, today) });
  }
  return out;
}

const closedOnTimeShare: MetricDefinition = {
  name: 'supervision.ordersClosedOnTimeShare',
  title: { zh: '整改通知按期销号率', en: 'Share of rectification orders closed on time' },
  unit: '%',
  async compute(ctx) {
    const upTo = ctx.today < ctx.period.endsOn ? ctx.today : ctx.period.endsOn;
    const rows = await sql<{ orgUnitId: string; code: string; name: string; due: number; onTime: number }>`
      SELECT o.org_unit_id, u.code, u.name, count(*)::int AS due,
        count(*) FILTER (WHERE o.state = 'closed' AND o.closed_on <= o.due_date)::int AS on_time
      FROM rectification_order o JOIN org_unit u ON u.id = o.org_unit_id
      WHERE (o.district_id = ${ctx.orgUnitId} OR o.org_unit_id = ${ctx.orgUnitId})
        AND o.due_date BETWEEN ${ctx.period.startsOn}::date AND ${upTo}::date
      GROUP BY 1, 2, 3 ORDER BY u.code`.execute(ctx.db);
    const due = rows.rows.reduce((n, r) => n + Number(r.due), 0);
    const onTime = rows.rows.reduce((n, r) => n + Number(r.onTime), 0);
    return {
      value: due === 0 ? 0 : Math.round((onTime / due) * 1000) / 10,
      numerator: onTime,
      denominator: due,
      drillDown: rows.rows.map((r) => ({
        label: r.name,
        value: Math.round((Number(r.onTime) / Number(r.due)) * 1000) / 10,
        numerator: Number(r.onTime),
        denominator: Number(r.due),
        ref: { type: 'org_unit', id: r.orgUnitId },
      })),
    };
  },
};

const openOverdueOrders: MetricDefinition = {
  name: 'supervision.openOverdueOrders',
  title: { zh: '逾期未销号的整改通知', en: 'Rectification orders open past their deadline' },
  unit: '件',
  async compute(ctx) {
    const asOf = ctx.today < ctx.period.endsOn ? ctx.today : ctx.period.endsOn;
    const rows = await sql<{ orgUnitId: string; name: string; n: number }>`
      SELECT o.org_unit_id, u.name, count(*)::int AS n
      FROM rectification_order o JOIN org_unit u ON u.id = o.org_unit_id
      WHERE (o.district_id = ${ctx.orgUnitId} OR o.org_unit_id = ${ctx.orgUnitId})
        AND o.due_date < ${asOf}::date AND (o.state <> 'closed' OR o.closed_on > ${asOf}::date)
      GROUP BY 1, 2 ORDER BY u.name`.execute(ctx.db);
    return {
      value: rows.rows.reduce((n, r) => n + Number(r.n), 0),
      drillDown: rows.rows.map((r) => ({
        label: r.name,
        value: Number(r.n),
        ref: { type: 'org_unit', id: r.orgUnitId },
      })),
    };
  },
};

/** This module's metrics (plan indicators may be computed by them). */
export const SUPERVISION_METRIC_DEFINITIONS: readonly MetricDefinition[] = [
  closedOnTimeShare,
  openOverdueOrders,
];
