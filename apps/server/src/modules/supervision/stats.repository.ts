import type { AlertTier, FindingState, OrderState } from '@zhijiao/contracts';
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { RED_AFTER_DAYS } from '../../platform/alerts/alert-tiers.ts';
import type { SupervisionView } from './supervision.policy.ts';
import { visibleSql } from './supervision.repository.ts';
import { orderTier, shiftDate, type AssessmentInput } from './supervision.rules.ts';

/** Counting SQL: the dashboard, the metrics, the yearly assessment and the open orders per unit. */

/** SQL tier of an order on `today`, the same cut-offs as `orderTier`. */
function tierSql(today: string) {
  return sql<AlertTier | null>`CASE WHEN o.state = 'closed' THEN NULL
    WHEN o.due_date < ${shiftDate(today, -RED_AFTER_DAYS)}::date THEN 'red'
    WHEN o.due_date < ${today}::date THEN 'yellow'
    WHEN o.due_date <= ${shiftDate(today, 7)}::date THEN 'blue' END`;
}

/** Orders the view sees, counted by unit, state and tier on `today` (and how many closed on time). */
export async function countOrdersByUnit(db: Executor, view: SupervisionView, today: string) {
  const rows = await sql<{
    orgUnitId: string;
    state: OrderState;
    tier: AlertTier | null;
    n: number;
    onTime: number;
  }>`
    SELECT o.org_unit_id, o.state, ${tierSql(today)} AS tier, count(*)::int AS n,
      count(*) FILTER (WHERE o.state = 'closed' AND o.closed_on <= o.due_date)::int AS on_time
    FROM rectification_order o WHERE ${visibleSql(view, 'o')} GROUP BY 1, 2, 3`.execute(db);
  return rows.rows.map((r) => ({ ...r, n: Number(r.n), onTime: Number(r.onTime) }));
}

/** Findings the view sees, counted by unit and state. */
export async function countFindingsByUnit(db: Executor, view: SupervisionView) {
  const rows = await sql<{ orgUnitId: string; state: FindingState; n: number }>`
    SELECT f.org_unit_id, f.state, count(*)::int AS n
    FROM finding f WHERE ${visibleSql(view, 'f')} GROUP BY 1, 2`.execute(db);
  return rows.rows.map((r) => ({ ...r, n: Number(r.n) }));
}

/** Open orders the view sees past their deadline on `today`, most overdue first. */
export async function listOverdueOrders(db: Executor, view: SupervisionView, today: string, limit: number) {
  const rows = await sql<{
    id: string;
    title: string;
    orgUnitId: string;
    dueDate: string;
    state: OrderState;
    inspectionId: string;
  }>`
    SELECT o.id, o.title, o.org_unit_id, o.due_date, o.state, o.inspection_id
    FROM rectification_order o
    WHERE ${visibleSql(view, 'o')} AND o.state <> 'closed' AND o.due_date < ${today}::date
    ORDER BY o.due_date, o.id LIMIT ${limit}`.execute(db);
  return rows.rows;
}

/** Open items listed per unit by `listOpenOrdersByUnit` (the most urgent first). */
export const OPEN_ITEMS_PER_UNIT = 50;

export interface OpenOrdersOfUnit {
  open: number;
  overdue: number;
  items: Array<{ id: string; title: string; dueDate: string; tier: AlertTier | null }>;
}

/**
 * Rectification orders open on `today` (issued by then, not 销号 by then) of each unit: how many, how many overdue,
 * and the orders themselves by due date (at most `OPEN_ITEMS_PER_UNIT` each) with their colour
 * tier. For other modules (the joint meeting's agenda); every unit asked for is in the map.
 *
 * @example (await listOpenOrdersByUnit(db, [hrssId], '2021-06-01')).get(hrssId) // { open: 2, overdue: 1, items: […] }
 */
export async function listOpenOrdersByUnit(
  db: Executor,
  unitIds: string[],
  today: string,
): Promise<Map<string, OpenOrdersOfUnit>> {
  const out = new Map<string, OpenOrdersOfUnit>(
    unitIds.map((id) => [id, { open: 0, overdue: 0, items: [] }]),
  );
  if (unitIds.length === 0) return out;
  const rows = await sql<{
    id: string;
    title: string;
    dueDate: string;
    orgUnitId: string;
    open: number;
    overdue: number;
  }>`
    SELECT * FROM (
      SELECT o.id, o.title, o.due_date, o.org_unit_id,
        row_number() OVER (PARTITION BY o.org_unit_id ORDER BY o.due_date, o.id)::int AS rank,
        count(*) OVER (PARTITION BY o.org_unit_id)::int AS open,
        count(*) FILTER (WHERE o.due_date < ${today}::date) OVER (PARTITION BY o.org_unit_id)::int AS overdue
      FROM rectification_order o
      WHERE o.org_unit_id = ANY(${unitIds}::uuid[]) AND o.issued_on <= ${today}::date
        AND (o.closed_on IS NULL OR o.closed_on > ${today}::date)
    ) x WHERE rank <= ${OPEN_ITEMS_PER_UNIT} ORDER BY org_unit_id, rank`.execute(db);
  for (const r of rows.rows) {
    const entry = out.get(r.orgUnitId)!;
    entry.open = Number(r.open);
    entry.overdue = Number(r.overdue);
    entry.items.push({ id: r.id, title: r.title, dueDate: r.dueDate, tier: orderTier(r.dueDate, today) });
  }
  return out;
}

/** Where a metric counts: the orders of a district, or addressed to a unit. */
export interface MetricScope {
  orgUnitId: string;
  from: string;
  to: string;
}

/** Orders due in [from, to] per unit of the district (or the unit), and how many closed on time. */
export async function countOrdersDueByUnit(db: Executor, s: MetricScope) {
  const rows = await sql<{ orgUnitId: string; due: number; onTime: number }>`
    SELECT o.org_unit_id, count(*)::int AS due,
      count(*) FILTER (WHERE o.state = 'closed' AND o.closed_on <= o.due_date)::int AS on_time
    FROM rectification_order o
    WHERE (o.district_id = ${s.orgUnitId} OR o.org_unit_id = ${s.orgUnitId})
      AND o.due_date BETWEEN ${s.from}::date AND ${s.to}::date
    GROUP BY 1`.execute(db);
  return rows.rows.map((r) => ({ orgUnitId: r.orgUnitId, due: Number(r.due), onTime: Number(r.onTime) }));
}

/** Orders per unit of the district (or the unit) still open past their deadline on `asOf`. */
export async function countOverdueOrdersByUnit(db: Executor, orgUnitId: string, asOf: string) {
  const rows = await sql<{ orgUnitId: string; n: number }>`
    SELECT o.org_unit_id, count(*)::int AS n
    FROM rectification_order o
    WHERE (o.district_id = ${orgUnitId} OR o.org_unit_id = ${orgUnitId})
      AND o.due_date < ${asOf}::date AND (o.state <> 'closed' OR o.closed_on > ${asOf}::date)
    GROUP BY 1`.execute(db);
  return rows.rows.map((r) => ({ orgUnitId: r.orgUnitId, n: Number(r.n) }));
}

/** Which records the assessment counts: a district's, some units', or all. */
export type AssessmentScope = { units: readonly string[] } | { districtId: string } | 'all';

/** One unit's supervision counts of a year, as the assessment score takes them. */
export type AssessmentCounts = AssessmentInput & { orgUnitId: string };

/**
 * Per unit with any supervision record in `year`: findings recorded that year, orders due that
 * year closed on time / late / still open past due on `asOf`, reward and penalty points.
 */
export async function countAssessmentRecords(
  db: Executor,
  scope: AssessmentScope,
  year: number,
  asOf: string,
): Promise<AssessmentCounts[]> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const where = (alias: string) =>
    scope === 'all'
      ? sql`true`
      : 'districtId' in scope
        ? sql`${sql.ref(`${alias}.district_id`)} = ${scope.districtId}`
        : sql`${sql.ref(`${alias}.org_unit_id`)} = ANY(${scope.units.length ? [...scope.units] : ['00000000-0000-0000-0000-000000000000']}::uuid[])`;
  const rows = await sql<AssessmentCounts>`
    WITH f AS (
      SELECT org_unit_id, count(*)::int AS findings, count(*) FILTER (WHERE severity = 'serious')::int AS serious
      FROM finding f WHERE ${where('f')} AND (created_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN ${from} AND ${to}
      GROUP BY org_unit_id),
    o AS (
      SELECT org_unit_id,
        count(*) FILTER (WHERE state = 'closed' AND closed_on <= due_date)::int AS on_time,
        count(*) FILTER (WHERE state = 'closed' AND closed_on > due_date)::int AS late,
        count(*) FILTER (WHERE state <> 'closed' AND due_date < ${asOf})::int AS overdue
      FROM rectification_order o WHERE ${where('o')} AND due_date BETWEEN ${from} AND ${to}
      GROUP BY org_unit_id),
    s AS (
      SELECT org_unit_id,
        coalesce(sum(points) FILTER (WHERE kind = 'reward'), 0)::float8 AS rewards,
        coalesce(sum(points) FILTER (WHERE kind = 'penalty'), 0)::float8 AS penalties
      FROM sanction s WHERE ${where('s')} AND year = ${year}
      GROUP BY org_unit_id),
    ids AS (SELECT org_unit_id FROM f UNION SELECT org_unit_id FROM o UNION SELECT org_unit_id FROM s)
    SELECT ids.org_unit_id,
      coalesce(f.findings, 0) AS findings, coalesce(f.serious, 0) AS serious_findings,
      coalesce(o.on_time, 0) AS closed_on_time, coalesce(o.late, 0) AS closed_late,
      coalesce(o.overdue, 0) AS open_overdue, coalesce(s.rewards, 0) AS reward_points,
      coalesce(s.penalties, 0) AS penalty_points
    FROM ids
    LEFT JOIN f ON f.org_unit_id = ids.org_unit_id
    LEFT JOIN o ON o.org_unit_id = ids.org_unit_id
    LEFT JOIN s ON s.org_unit_id = ids.org_unit_id`.execute(db);
  return rows.rows.map((r) => ({
    orgUnitId: r.orgUnitId,
    findings: Number(r.findings),
    seriousFindings: Number(r.seriousFindings),
    closedOnTime: Number(r.closedOnTime),
    closedLate: Number(r.closedLate),
    openOverdue: Number(r.openOverdue),
    rewardPoints: Number(r.rewardPoints),
    penaltyPoints: Number(r.penaltyPoints),
  }));
}
