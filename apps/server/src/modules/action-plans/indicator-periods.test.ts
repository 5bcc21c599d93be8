import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
type Verdict = {
  label: string;
  phase: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  status: string;
};
type Indicator = { code: string; status: string; latestValue: number | null; periods: Verdict[] };
const rows = (i: Indicator | undefined) => i?.periods.map((p) => `${p.label}:${p.value ?? '-'}:${p.status}`);

/** （二十）8000 元/生 every year, judged per year from approved reports, on both databases. */
describe('yearly targets judged per year', () => {
  let ctx: TestContext;
  let coordinator: Client;
  let fin: Client;
  let periods: Array<{ id: string; label: string }>;
  const periodId = (label: string) => periods.find((p) => p.label === label)!.id;
  let indicatorId: string;
  let taskId: string;

  const report = async (period: string, value: Record<string, number>) => {
    const res = await fin.post('/api/progress-reports', {
      taskId,
      periodId: periodId(period),
      progress: 'on_track',
      narrative: `${period}生均拨款情况`,
      values: [{ indicatorId, ...value } as { indicatorId: string; value: number }],
      submit: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = (res.json() as { report: { id: string } }).report.id;
    expect((await coordinator.post(`/api/progress-reports/${id}/approval`)).statusCode).toBe(200);
  };
  const indicatorAt = async (period: string) =>
    (
      (await coordinator.get(`/api/plans/${PLAN}/indicators?periodId=${periodId(period)}`)).json() as {
        items: Indicator[];
      }
    ).items.find((i) => i.code === 'T20-PER-STUDENT');

  beforeAll(async () => {
    ctx = await createTestContext({ now: '2022-02-15T01:00:00Z' });
    const { planId } = await seedShangdang(ctx);
    coordinator = await login(ctx, (await createUser(ctx, 'coordinator', 'SD-EDU')).username);
    fin = await login(ctx, (await createUser(ctx, 'unit_clerk', 'SD-FIN')).username);
    periods = ((await coordinator.get(`/api/plans/${PLAN}/periods`)).json() as { items: typeof periods })
      .items;
    taskId = (await taskByNumber(ctx, planId, 20)).id;
    indicatorId = (
      await ctx.db
        .selectFrom('indicator')
        .select('id')
        .where('code', '=', 'T20-PER-STUDENT')
        .executeTakeFirstOrThrow()
    ).id;
    await report('2020年第4季度', { value: 7000, numerator: 7_000_000, denominator: 1000 });
    await report('2021年第4季度', { value: 8200 });
  });
  afterAll(() => ctx?.close());

  it('keeps a missed year missed: in mid-2021, 2020 at 7000 is off track whatever 2021 brings', async () => {
    const mid2021 = await indicatorAt('2021年第2季度');
    expect(mid2021?.status).toBe('off_track');
    expect(rows(mid2021)).toEqual(['2020年度:7000:off_track', '2021年度:-:no_data', '2022年度:-:no_data']);
    expect(mid2021?.periods.map((p) => p.phase)).toEqual(['past', 'current', 'future']);
    expect(mid2021?.periods[0]).toMatchObject({ numerator: 7_000_000, denominator: 1000 });
  });

  it('shows each year as it stood at a past period, and the overall verdict today', async () => {
    expect((await indicatorAt('2020年第3季度'))?.status).toBe('no_data');
    const now = await indicatorAt('2022年第1季度');
    expect(rows(now)).toEqual(['2020年度:7000:off_track', '2021年度:8200:met', '2022年度:-:no_data']);
    expect(now).toMatchObject({ status: 'off_track', latestValue: 8200 });
  });

  it('publishes the per-year row as open data and names the missed year in the alert', async () => {
    const open = (await ctx.app.inject({ method: 'GET', url: `/api/public/plans/${PLAN}` })).json() as {
      indicators: Indicator[];
    };
    expect(rows(open.indicators.find((i) => i.code === 'T20-PER-STUDENT'))).toEqual([
      '2020年度:7000:off_track',
      '2021年度:8200:met',
      '2022年度:-:no_data',
    ]);
    const alerts = (await fin.get(`/api/alerts?planCode=${PLAN}&lang=zh`)).json() as {
      items: Array<{ kind: string; message: string }>;
    };
    const alert = alerts.items.find((a) => a.kind === 'indicator_off_track' && a.message.includes('生均'));
    expect(alert?.message).toContain('2020年度未达到目标');
  });

  it('refuses a value that does not match its numerator and denominator, naming the field', async () => {
    const res = await fin.post('/api/progress-reports', {
      taskId,
      periodId: periodId('2022年第1季度'),
      progress: 'on_track',
      narrative: '生均拨款',
      values: [{ indicatorId, value: 9000, numerator: 8_000_000, denominator: 1000 }],
    });
    expect(res.statusCode).toBe(400);
    expect((res.json() as { error: { details: unknown[] } }).error.details).toEqual([
      expect.objectContaining({ field: 'values.0.value', code: 'PROGRESS_RATIO_MISMATCH' }),
    ]);
  });
});
