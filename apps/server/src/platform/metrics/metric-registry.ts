import type { ReadCache } from '../cache/read-cache.ts';
import type { Executor } from '../db/database.ts';

/** The period a metric is asked about: dates `YYYY-MM-DD`, inclusive. */
export interface MetricPeriod {
  startsOn: string;
  endsOn: string;
}

export interface MetricDrillDownRow {
  label: string;
  value: number;
  numerator?: number;
  denominator?: number;
  ref?: { type: string; id: string };
}

export interface MetricValue {
  value: number;
  numerator?: number;
  denominator?: number;
  drillDown: MetricDrillDownRow[];
}

/** Metric names: camelCase segments separated by dots (`teachers.dualQualifiedShare`), as plan files name them. */
export const METRIC_NAME_PATTERN = /^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)*$/;

export interface MetricContext {
  db: Executor;
  /** The org unit the number is for (a district, a school …). */
  orgUnitId: string;
  period: MetricPeriod;
  /** Set when a plan asks: lets plan-level metrics look at that plan's own records. */
  planId?: string;
  today: string;
  /**
   * Count only the period's own records: a yearly number is not carried forward from an earlier
   * period (the plan asks this when it judges a recurring target per year). Metrics that never
   * carry values forward can ignore it.
   */
  exact?: boolean;
  /** The registry itself, set by `compute`: for a metric that reads others (milestones completed by records). */
  metrics?: MetricRegistry;
}

/**
 * A named number a module computes from its own records:
 * `(orgUnit, period) → { value, numerator?, denominator?, drillDown }`.
 */
export interface MetricDefinition {
  name: string;
  title: { zh: string; en: string };
  /**
   * How the number is computed, in words an official reads (what is counted, over which units,
   * as of which day) — shown where an indicator says 计算口径, instead of the metric's name.
   *
   * @example { zh: '各中职学校持有有效“双师型”认定的专业课教师人数 ÷ 专业课教师总数 × 100%', en: '…' }
   */
  description: { zh: string; en: string };
  unit: string;
  compute(ctx: MetricContext): Promise<MetricValue>;
}

/**
 * The one seam between plans and modules: modules register metrics, a `computed` indicator names
 * one. The action-plan module never knows how a metric is computed.
 */
export class MetricRegistry {
  /**
   * @param metrics the definitions (a memoised view shares its registry's)
   * @param memo where a memoised view keeps its computations (null: compute every time)
   */
  constructor(
    private readonly metrics = new Map<string, MetricDefinition>(),
    private readonly memo: ReadCache<MetricValue> | null = null,
  ) {}

  /**
   * A view of this registry whose computations are kept in `cache`, keyed by the metric and its
   * context (not the executor): for read paths outside a transaction whose owner drops the cache
   * whenever records change (`records.changed`), such as the plan dashboards. Callers must not
   * change the values they get.
   */
  memoised(cache: ReadCache<MetricValue>): MetricRegistry {
    return new MetricRegistry(this.metrics, cache);
  }

  register(def: MetricDefinition): void {
    if (!METRIC_NAME_PATTERN.test(def.name))
      throw new Error(`Metric name ${def.name} is not camelCase segments`);
    if (this.metrics.has(def.name)) throw new Error(`Metric ${def.name} is already registered`);
    if (!def.description?.zh.trim() || !def.description?.en.trim())
      throw new Error(`Metric ${def.name} has no description of how it is computed`);
    this.metrics.set(def.name, def);
  }

  has(name: string): boolean {
    return this.metrics.has(name);
  }

  get(name: string): MetricDefinition | undefined {
    return this.metrics.get(name);
  }

  list(): MetricDefinition[] {
    return [...this.metrics.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  async compute(name: string, ctx: MetricContext): Promise<MetricValue> {
    const def = this.metrics.get(name);
    if (!def) throw new Error(`Unknown metric ${name}`);
    const run = () => def.compute({ ...ctx, metrics: this });
    if (!this.memo) return run();
    const { orgUnitId, period, planId, today, exact } = ctx;
    const key = [name, orgUnitId, period.startsOn, period.endsOn, planId ?? '', today, exact ? 1 : 0].join(
      '|',
    );
    return this.memo.get(key, run);
  }
}
