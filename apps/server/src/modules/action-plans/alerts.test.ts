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

type Alert = {
  id: string;
  kind: string;
  tier: 'blue' | 'yellow' | 'red';
  unit: { code: string };
  task: { id: string; label: string } | null;
  indicator: { id: string; code: string } | null;
  dueDate: string | null;
  daysLate: number;
  message: string;
};

/**
 * Alerts (预警) through HTTP with the clock moved past due dates: quarterly reports are due 10 days
 * after the quarter ends; an overdue report is yellow up to 30 days late and red after; alerts go
 * to the lead unit (牵头单位) only.
 */
describe('alerts', () => {
  let ctx: TestContext;
  let planId: string;
  const names = new Map<string, string>();
  let t10: string;
  let t20: string;
  const period = async (label: string) =>
    (
      await ctx.db
        .selectFrom('reportingPeriod')
        .select('id')
        .where('planId', '=', planId)
        .where('label', '=', label)
        .executeTakeFirstOrThrow()
    ).id;

  /** Moves the clock to 09:00 China time on a date and signs everyone in again (sessions expire). */
  async function at(date: string) {
    ctx.clock.set(`${date}T01:00:00Z`);
    const clients: Record<string, Client> = {};
    for (const [key, username] of names) clients[key] = await login(ctx, username);
    return clients as Record<'hrss' | 'fin' | 'coordinator', Client>;
  }
  const alertsOf = async (client: Client) => {
    const res = await client.get('/api/alerts');
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { items: Alert[] }).items;
  };
  const overdue = (alerts: Alert[], taskId: string) =>
    alerts.filter((a) => a.kind === 'report_overdue' && a.task?.id === taskId);

  beforeAll(async () => {
    ctx = await createTestContext();
    ({ planId } = await seedShangdang(ctx));
    names.set('hrss', (await createUser(ctx, 'unit_clerk', 'SD-HRSS')).username);
    names.set('fin', (await createUser(ctx, 'unit_clerk', 'SD-FIN')).username);
    names.set('coordinator', (await createUser(ctx, 'coordinator', 'SD-EDU')).username);
    t10 = (await taskByNumber(ctx, planId, 10)).id;
    t20 = (await taskByNumber(ctx, planId, 20)).id;
  });
  afterAll(() => ctx?.close());

  it('raises a yellow report_overdue alert for the lead unit 10 days after the due date', async () => {
    const { hrss, fin, coordinator } = await at('2021-07-20');
    const q2 = await period('2021年第2季度');
    const mine = overdue(await alertsOf(hrss), t10);
    expect(mine).toEqual([
      expect.objectContaining({
        id: `report_overdue:${t10}:${q2}`,
        tier: 'yellow',
        unit: expect.objectContaining({ code: 'SD-HRSS' }),
        dueDate: '2021-07-10',
        daysLate: 10,
      }),
    ]);
    // 2020 Q1 … 2021 Q2: six quarters without a report from 区人社局.
    expect(mine[0]!.message).toContain('2021年第2季度');
    expect(mine[0]!.message).toContain('累计缺报 6 期');

    const finAlerts = await alertsOf(fin);
    expect(overdue(finAlerts, t10)).toEqual([]);
    expect(finAlerts.length).toBeGreaterThan(0);
    expect(finAlerts.every((a) => a.unit.code === 'SD-FIN')).toBe(true);
    expect(overdue(finAlerts, t20)).toHaveLength(1);
    expect(overdue(await alertsOf(coordinator), t10).map((a) => a.id)).toEqual([mine[0]!.id]);
  });

  it('turns red after 30 days late', async () => {
    const day30 = overdue(await alertsOf((await at('2021-08-09')).hrss), t10);
    expect(day30.map((a) => [a.tier, a.daysLate])).toEqual([['yellow', 30]]);
    const day31 = overdue(await alertsOf((await at('2021-08-10')).hrss), t10);
    expect(day31.map((a) => [a.tier, a.daysLate])).toEqual([['red', 31]]);
    // The dashboard's red tag on the task carries its reason, so it is never unexplained.
    const { coordinator } = await at('2021-08-10');
    const dash = (await coordinator.get('/api/plans/shangdang-vet-2020/dashboard')).json() as {
      sections: Array<{ tasks: Array<{ id: string; alertTier: string | null; alertReasons: string[] }> }>;
    };
    const task10 = dash.sections.flatMap((s) => s.tasks).find((t) => t.id === t10)!;
    expect(task10.alertTier).toBe('red');
    expect(task10.alertReasons).toContain('report_overdue');
  });

  it('clears the period’s alert once the lead unit hands its report in, not before', async () => {
    const { hrss, fin } = await at('2021-08-10');
    const [q1, q2] = [await period('2021年第1季度'), await period('2021年第2季度')];
    const body = { taskId: t10, periodId: q2, progress: 'on_track', narrative: '二季度培训 9 期。' };
    // A cooperating unit's report does not stand in for the lead unit's.
    expect((await fin.post('/api/progress-reports', { ...body, submit: true })).statusCode).toBe(201);
    expect(overdue(await alertsOf(hrss), t10).map((a) => a.id)).toEqual([`report_overdue:${t10}:${q2}`]);
    // Nor does a draft.
    const draft = await hrss.post('/api/progress-reports', body);
    expect(draft.statusCode, draft.body).toBe(201);
    expect(overdue(await alertsOf(hrss), t10).map((a) => a.id)).toEqual([`report_overdue:${t10}:${q2}`]);

    const id = (draft.json() as { report: { id: string } }).report.id;
    expect((await hrss.post(`/api/progress-reports/${id}/submission`)).statusCode).toBe(200);
    const after = overdue(await alertsOf(hrss), t10);
    expect(after.map((a) => a.id)).toEqual([`report_overdue:${t10}:${q1}`]);
    expect(after[0]).toMatchObject({ tier: 'red', dueDate: '2021-04-10' });
    expect(after[0]!.message).toContain('累计缺报 5 期');
  });

  it('raises indicator_off_track: yellow while behind; after the plan’s end it counts in the one plan_ended alert', async () => {
    const ind = await ctx.db
      .selectFrom('indicator')
      .select(['id', 'code'])
      .where('code', '=', 'T20-PER-STUDENT')
      .executeTakeFirstOrThrow();
    const report = async (clients: Record<'fin' | 'coordinator', Client>, label: string, value: number) => {
      const res = await clients.fin.post('/api/progress-reports', {
        taskId: t20,
        periodId: await period(label),
        progress: 'behind',
        narrative: `生均拨款 ${value} 元。`,
        values: [{ indicatorId: ind.id, value }],
        submit: true,
      });
      expect(res.statusCode, res.body).toBe(201);
      const id = (res.json() as { report: { id: string } }).report.id;
      expect((await clients.coordinator.post(`/api/progress-reports/${id}/approval`)).statusCode).toBe(200);
    };
    const offTrack = (alerts: Alert[]) =>
      alerts.filter((a) => a.kind === 'indicator_off_track' && a.indicator?.id === ind.id);

    const summer = await at('2021-08-10');
    // 每年达到: 2020 with no value is a missed year, red at once.
    expect(offTrack(await alertsOf(summer.fin))).toEqual([expect.objectContaining({ tier: 'red' })]);
    await report(summer, '2020年第4季度', 8000);
    expect(offTrack(await alertsOf(summer.fin))).toEqual([]);
    await report(summer, '2021年第2季度', 7500);
    expect(offTrack(await alertsOf(summer.fin))).toEqual([
      expect.objectContaining({ tier: 'yellow', unit: expect.objectContaining({ code: 'SD-FIN' }) }),
    ]);

    // Every indicator's deadline is the plan's end (2022-12-31): after it, the value below target
    // no longer raises its own red alert but counts in the plan's one plan_ended alert, which goes
    // to the coordinating unit (区教育局), blue while the final evaluation is within its 90 days.
    const after = await at('2023-01-20');
    await report(after, '2022年第4季度', 7600);
    expect(offTrack(await alertsOf(after.fin))).toEqual([]);
    expect(offTrack(await alertsOf(after.coordinator))).toEqual([]);
    const ended = (await alertsOf(after.coordinator)).filter((a) => a.kind === 'plan_ended');
    expect(ended).toEqual([
      expect.objectContaining({
        tier: 'blue',
        dueDate: '2023-03-31',
        unit: expect.objectContaining({ code: 'SD-EDU' }),
      }),
    ]);
    expect(ended[0]!.message).toContain('2022-12-31');
    expect(ended[0]!.message).toMatch(/未达成指标 [1-9]/);
  });
});
