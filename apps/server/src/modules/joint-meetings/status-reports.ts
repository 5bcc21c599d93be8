import type { AlertTier } from '@zhijiao/contracts';
import type { Executor } from '../../platform/db/database.ts';
import type { MetricRegistry } from '../../platform/metrics/metric-registry.ts';
import { listUnitPlanStatus } from '../action-plans/index.ts';
import type { StatusSnapshot } from './joint-meetings.tables.ts';

/** The supervision module's query for open rectification orders (限期整改) of units. */
export type OpenOrdersQuery = (
  db: Executor,
  unitIds: string[],
  today: string,
) => Promise<
  Map<
    string,
    {
      open: number;
      overdue: number;
      items: Array<{ id: string; title: string; dueDate: string; tier: AlertTier | null }>;
    }
  >
>;

/**
 * Each member unit's status report (情况汇报) as of `today`: its tasks, indicators and reports
 * overdue since the previous meeting (from the action-plan module) and its open rectification
 * orders (from the supervision module).
 */
export async function buildStatusSnapshots(
  db: Executor,
  deps: { metrics: MetricRegistry; openOrders: OpenOrdersQuery },
  opts: { districtId: string; unitIds: string[]; since: string | null; today: string },
): Promise<Map<string, StatusSnapshot>> {
  const [plan, orders] = await Promise.all([
    listUnitPlanStatus(db, deps.metrics, opts),
    deps.openOrders(db, opts.unitIds, opts.today),
  ]);
  const out = new Map<string, StatusSnapshot>();
  for (const unitId of opts.unitIds) {
    out.set(unitId, {
      ...plan.get(unitId)!,
      rectification: orders.get(unitId) ?? { open: 0, overdue: 0, items: [] },
    });
  }
  return out;
}
