import {
  FINDING_STATES,
  ORDER_STATES,
  type AlertTier,
  type FindingState,
  type OrderState,
} from '@zhijiao/contracts';

/** Tallies of the supervision dashboard, from the grouped counts (pure). */

type Tiers = Record<AlertTier, number>;
const zeroTiers = (): Tiers => ({ blue: 0, yellow: 0, red: 0 });
const zeroStates = <S extends string>(states: readonly S[]) =>
  Object.fromEntries(states.map((s) => [s, 0])) as Record<S, number>;

/** One unit's line of the dashboard. */
export interface UnitTally {
  findings: number;
  openFindings: number;
  orders: number;
  open: number;
  overdue: number;
  closedOnTime: number;
  closedLate: number;
  byTier: Tiers;
}

const zeroUnit = (): UnitTally => ({
  findings: 0,
  openFindings: 0,
  orders: 0,
  open: 0,
  overdue: 0,
  closedOnTime: 0,
  closedLate: 0,
  byTier: zeroTiers(),
});

/** Adds `n` orders of one state and tier to a tally (the whole scope's or a unit's). */
function addOrders(
  t: Pick<UnitTally, 'open' | 'overdue' | 'closedOnTime' | 'closedLate' | 'byTier'>,
  r: { state: OrderState; tier: AlertTier | null; n: number; onTime: number },
) {
  if (r.state === 'closed') {
    t.closedOnTime += r.onTime;
    t.closedLate += r.n - r.onTime;
    return;
  }
  t.open += r.n;
  if (!r.tier) return;
  t.byTier[r.tier] += r.n;
  if (r.tier !== 'blue') t.overdue += r.n;
}

/**
 * Orders by state and tier and findings by state, for the whole scope and per unit: an order is
 * overdue once yellow or red; a finding is open until resolved.
 */
export function tallyDashboard(
  orderRows: ReadonlyArray<{
    orgUnitId: string;
    state: OrderState;
    tier: AlertTier | null;
    n: number;
    onTime: number;
  }>,
  findingRows: ReadonlyArray<{ orgUnitId: string; state: FindingState; n: number }>,
) {
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
  const units = new Map<string, UnitTally>();
  const unit = (id: string) => units.get(id) ?? units.set(id, zeroUnit()).get(id)!;
  for (const r of orderRows) {
    const u = unit(r.orgUnitId);
    orders.total += r.n;
    u.orders += r.n;
    orders.byState[r.state] += r.n;
    addOrders(orders, r);
    addOrders(u, r);
  }
  for (const r of findingRows) {
    const u = unit(r.orgUnitId);
    findings.total += r.n;
    findings.byState[r.state] += r.n;
    u.findings += r.n;
    if (r.state !== 'resolved') u.openFindings += r.n;
  }
  return { orders, findings, units };
}
