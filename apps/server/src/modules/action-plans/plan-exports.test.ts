import { ALERT_KIND_LABELS, type AnyAlertKind } from '@zhijiao/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readExport } from '../../test/read-export.ts';
import {
  createTestContext,
  createUser,
  login,
  seedShangdang,
  taskByNumber,
  type Client,
  type TestContext,
} from '../../test/test-context.ts';

const PLAN = 'shangdang-vet-2020';
type Items<T> = { items: T[] };

describe('the plan’s exports: progress reports, indicators, alerts (.xlsx)', () => {
  let ctx: TestContext;
  let planId: string;
  const names: Record<string, string> = {};
  let c: Record<'coordinator' | 'hrss' | 'fin', Client>;
  const signIn = async () => {
    c = {
      coordinator: await login(ctx, names.coordinator!),
      hrss: await login(ctx, names.hrss!),
      fin: await login(ctx, names.fin!),
    };
  };

  beforeAll(async () => {
    ctx = await createTestContext();
    ({ planId } = await seedShangdang(ctx));
    names.coordinator = (await createUser(ctx, 'coordinator', 'SD-EDU')).username;
    names.hrss = (await createUser(ctx, 'unit_clerk', 'SD-HRSS')).username;
    names.fin = (await createUser(ctx, 'unit_clerk', 'SD-FIN')).username;
    await signIn();
    const periods = (
      (await c.coordinator.get(`/api/plans/${PLAN}/periods`)).json() as Items<{
        id: string;
        current: boolean;
      }>
    ).items;
    const periodId = periods.find((p) => p.current)!.id;
    for (const [client, n, narrative] of [
      [c.hrss, 10, '=1+1 本季度开展职业技能提升培训 12 期'],
      [c.fin, 20, '生均拨款已足额到位'],
    ] as const) {
      const created = await client.post('/api/progress-reports', {
        taskId: (await taskByNumber(ctx, planId, n)).id,
        periodId,
        progress: 'on_track',
        narrative,
      });
      expect(created.statusCode, created.body).toBe(201);
      const id = (created.json() as { report: { id: string } }).report.id;
      expect((await client.post(`/api/progress-reports/${id}/submission`)).statusCode).toBe(200);
    }
  }, 180_000);
  afterAll(() => ctx?.close());

  it('exports the reports the list shows: the district both units, a clerk only their own', async () => {
    const list = (
      (await c.coordinator.get('/api/progress-reports')).json() as Items<{ unit: { name: string } }>
    ).items;
    const all = await readExport(await c.coordinator.get('/api/progress-reports/export.xlsx'));
    expect(all.sheetName).toBe('进展填报');
    expect(all.rows.map((r) => r[2])).toEqual(list.map((r) => r.unit.name));
    expect(all.rows.map((r) => r[2]).sort()).toEqual(['区人社局', '区财政局']);
    const own = await readExport(await c.hrss.get('/api/progress-reports/export.xlsx'));
    expect(own.rows.map((r) => [r[2], r[3], r[4]])).toEqual([['区人社局', '待审核', '正常推进']]);
    const approved = await readExport(
      await c.coordinator.get('/api/progress-reports/export.xlsx?state=approved'),
    );
    expect(approved.rows).toEqual([]);
    expect(approved.titleBlock[1]).toBe('筛选：状态=已通过');
  });

  it('exports the indicators with a value and a verdict column per year', async () => {
    const list = (
      (await c.coordinator.get(`/api/plans/${PLAN}/indicators`)).json() as Items<{
        code: string;
        periods: Array<{ label: string }>;
      }>
    ).items;
    const x = await readExport(await c.coordinator.get(`/api/plans/${PLAN}/indicators/export.xlsx`));
    expect(x.sheetName).toBe('指标完成情况');
    expect(x.rows.map((r) => r[1])).toEqual(list.map((i) => i.code));
    const labels = [...new Set(list.flatMap((i) => i.periods.map((p) => p.label)))];
    expect(labels.length).toBeGreaterThan(0);
    for (const label of labels)
      expect(x.header).toEqual(expect.arrayContaining([`${label} 数值`, `${label} 判定`]));
  });

  it('exports the alerts of the actor’s own units only, and audits each export', async () => {
    ctx.clock.set('2021-07-20T01:00:00Z');
    await signIn();
    const list = ((await c.hrss.get('/api/alerts')).json() as Items<{ unit: { name: string } }>).items;
    expect(list.length).toBeGreaterThan(0);
    const x = await readExport(await c.hrss.get('/api/alerts/export.xlsx'));
    expect(x.rows).toHaveLength(list.length);
    expect(new Set(x.rows.map((r) => r[1]))).toEqual(new Set(['区人社局']));
    const district = await readExport(await c.coordinator.get('/api/alerts/export.xlsx'));
    expect(district.rows.length).toBeGreaterThan(x.rows.length);
    const audit = await ctx.db
      .selectFrom('auditLog')
      .select(['objectType'])
      .where('action', '=', 'plans.export')
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.objectType)).toEqual([
      'progress_report',
      'progress_report',
      'progress_report',
      'indicator',
      'alert',
      'alert',
    ]);
  });

  it('applies the page’s tier and status filters to the alerts and indicators exports', async () => {
    const list = ((await c.coordinator.get('/api/alerts')).json() as Items<{ tier: string }>).items;
    const yellow = await readExport(await c.coordinator.get('/api/alerts/export.xlsx?tier=yellow'));
    expect(yellow.rows).toHaveLength(list.filter((a) => a.tier === 'yellow').length);
    expect(new Set(yellow.rows.map((r) => r[0]))).toEqual(new Set(['黄色预警']));
    expect(yellow.titleBlock[1]).toBe('筛选：预警等级=黄色预警');
    const kinds = ((await c.coordinator.get('/api/alerts')).json() as Items<{ kind: string }>).items;
    const kind = kinds[0]!.kind;
    const byKind = await readExport(await c.coordinator.get(`/api/alerts/export.xlsx?kind=${kind}`));
    expect(byKind.rows).toHaveLength(kinds.filter((a) => a.kind === kind).length);
    // The title block names the kind as the page does, not by its code.
    expect(byKind.titleBlock[1]).toBe(`筛选：类型=${ALERT_KIND_LABELS[kind as AnyAlertKind].zh}`);
    expect(byKind.titleBlock[1]).not.toContain(kind);
    const indicators = (
      (await c.coordinator.get(`/api/plans/${PLAN}/indicators`)).json() as Items<{
        status: string;
      }>
    ).items;
    const noData = await readExport(
      await c.coordinator.get(`/api/plans/${PLAN}/indicators/export.xlsx?status=no_data`),
    );
    expect(noData.rows).toHaveLength(indicators.filter((i) => i.status === 'no_data').length);
    expect(noData.rows.length).toBeLessThan(indicators.length);
  });
});
