import { describe, expect, it } from 'vitest';
import { ReadCache } from '../cache/read-cache.ts';
import type { Executor } from '../db/database.ts';
import { MetricRegistry, type MetricContext } from './metric-registry.ts';

const db = {} as Executor;
const ctx = (over: Partial<MetricContext> = {}): MetricContext => ({
  db,
  orgUnitId: 'district',
  period: { startsOn: '2022-01-01', endsOn: '2022-12-31' },
  today: '2022-12-31',
  ...over,
});

function counting() {
  const registry = new MetricRegistry();
  let runs = 0;
  registry.register({
    name: 'demo.count',
    title: { zh: '计数', en: 'Count' },
    description: { zh: '每次计算加一', en: 'One more at each computation' },
    unit: '个',
    compute: async (c) => ({ value: ++runs + (c.exact ? 100 : 0), drillDown: [] }),
  });
  return { registry, runs: () => runs };
}

describe('a memoised view of the metric registry', () => {
  it('computes a metric once per context until the cache is dropped', async () => {
    const { registry, runs } = counting();
    const cache = new ReadCache<Awaited<ReturnType<MetricRegistry['compute']>>>(60_000);
    const memo = registry.memoised(cache);
    expect((await memo.compute('demo.count', ctx())).value).toBe(1);
    expect((await memo.compute('demo.count', ctx())).value).toBe(1);
    // Another window, another day or an exact count is another computation.
    await memo.compute('demo.count', ctx({ period: { startsOn: '2021-01-01', endsOn: '2021-12-31' } }));
    await memo.compute('demo.count', ctx({ today: '2023-01-01' }));
    expect((await memo.compute('demo.count', ctx({ exact: true }))).value).toBe(104);
    expect(runs()).toBe(4);
    cache.invalidate();
    expect((await memo.compute('demo.count', ctx())).value).toBe(5);
  });

  it('leaves the registry itself computing every time, and shares its definitions', async () => {
    const { registry, runs } = counting();
    const memo = registry.memoised(new ReadCache(60_000));
    await registry.compute('demo.count', ctx());
    await registry.compute('demo.count', ctx());
    expect(runs()).toBe(2);
    expect(memo.has('demo.count')).toBe(true);
    await expect(memo.compute('demo.nope', ctx())).rejects.toThrow(/Unknown metric/);
  });
});
