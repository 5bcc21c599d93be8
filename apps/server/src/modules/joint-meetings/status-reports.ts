import type { Executor } from '../../platform/db/database.ts';
import type { MetricRegistry } from '../../platform/metrics/metric-registry.ts';
import { listUnitPlanStatus } from '../action-plans/index.ts';
import { listOpenOrdersByUnit } from '../supervision/index.ts';
import type { StatusSnapshot } from './joint-meetings.tables.ts';

/**
 * Each member unit's status report (情况汇报) as of `today`: its tasks, indicators and reports
 * overdue since the previous meeting (from the action-plan module) and its open rectification
 * orders (from the supervision module).
 */
export async function buildStatusSnapshots(
  db: Executor,
  metrics: MetricRegistry,
  opts: { districtId: string; unitIds: string[]; since: string | null; today: string },
): Promise<Map<string, StatusSnapshot>> {
  const [plan, orders] = await Promise.all([
    listUnitPlanStatus(db, metrics, opts),
    listOpenOrdersByUnit(db, opts.unitIds, opts.today),
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
