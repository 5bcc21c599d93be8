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

type Alert = {
  id: string;
  kind: string;
  tier: 'blue' | 'yellow' | 'red';
  unit: { id: string; code: string; name: string };
  task: { id: string } | null;
  acknowledgement: { by: string; at: string; note: string | null } | null;
  abilities: { acknowledge: boolean };
};
type Refusal = { field: string; code: string; id: string; message: string; messageEn: string };

/**
 * 预警已知悉 through HTTP on the Shangdang plan: 区人社局 leads task （十）, whose 2021 Q2 report is
 * due 2021-07-10 — a yellow alert on 07-20, red from 08-10 (31 days late).
 */
describe('alert acknowledgements (已知悉)', () => {
  let ctx: TestContext;
  let t10: string;
  const names = new Map<string, string>();

  /** Moves the clock to 09:00 China time on a date and signs everyone in again (sessions expire). */
  async function at(date: string) {
    ctx.clock.set(`${date}T01:00:00Z`);
    const clients: Record<string, Client> = {};
    for (const [key, username] of names) clients[key] = await login(ctx, username);
    return clients as Record<'hrss' | 'hrss2' | 'fin' | 'edu' | 'coordinator' | 'leader', Client>;
  }
  const alertsOf = async (client: Client, query = '') => {
    const res = await client.get(`/api/alerts${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { items: Alert[] }).items;
  };
  const acknowledge = (client: Client, items: Array<{ id: string; tier: string }>, note?: string) =>
    client.post('/api/alerts/acknowledgements', { items, ...(note === undefined ? {} : { note }) });
  const refusalsOf = (res: { json(): unknown }) => {
    const { error } = res.json() as { error: { code: string; details: Refusal[] } };
    expect(error.code).toBe('ALERT_ACKNOWLEDGEMENT_REFUSED');
    return error.details;
  };
  const overdueT10 = (alerts: Alert[]) =>
    alerts.find((a) => a.kind === 'report_overdue' && a.task?.id === t10)!;
  const auditRows = (alertId: string) =>
    ctx.db
      .selectFrom('auditLog')
      .select(['action', 'actorName', 'objectType', 'objectId', 'details'])
      .where('action', '=', 'alert.acknowledge')
      .where('objectId', '=', alertId)
      .orderBy('seq')
      .execute();
  const stored = () => ctx.db.selectFrom('alertAcknowledgement').selectAll().execute();

  beforeAll(async () => {
    ctx = await createTestContext();
    const { planId } = await seedShangdang(ctx);
    t10 = (await taskByNumber(ctx, planId, 10)).id;
    for (const [key, role, unit] of [
      ['hrss', 'unit_clerk', 'SD-HRSS'],
      ['hrss2', 'unit_clerk', 'SD-HRSS'],
      ['fin', 'unit_clerk', 'SD-FIN'],
      ['edu', 'unit_clerk', 'SD-EDU'],
      ['coordinator', 'coordinator', 'SD-EDU'],
      ['leader', 'viewer', 'SD-HRSS'],
    ] as const)
      names.set(key, (await createUser(ctx, role, unit)).username);
  });
  afterAll(() => ctx?.close());

  it('lets the addressed unit acknowledge one alert with a note, shown to it and audited in the same write', async () => {
    const { hrss, hrss2 } = await at('2021-07-20');
    const before = overdueT10(await alertsOf(hrss));
    expect(before).toMatchObject({ tier: 'yellow', acknowledgement: null, abilities: { acknowledge: true } });

    const res = await acknowledge(hrss, [{ id: before.id, tier: 'yellow' }], '  已安排专人补报 ');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ acknowledged: 1, alreadyAcknowledged: 0 });

    // Every account of the unit sees the unit's acknowledgement, by whom and when.
    const after = overdueT10(await alertsOf(hrss2));
    expect(after.acknowledgement).toEqual({
      by: names.get('hrss'),
      at: '2021-07-20T01:00:00.000Z',
      note: '已安排专人补报',
    });
    expect(after.abilities.acknowledge).toBe(false);
    expect(await auditRows(before.id)).toEqual([
      {
        action: 'alert.acknowledge',
        actorName: names.get('hrss'),
        objectType: 'alert',
        objectId: before.id,
        details: expect.objectContaining({ tier: 'yellow', unitId: before.unit.id, note: '已安排专人补报' }),
      },
    ]);

    // A colleague acknowledging it again keeps the first acknowledgement and writes nothing.
    const again = await acknowledge(hrss2, [{ id: before.id, tier: 'yellow' }]);
    expect(again.json()).toEqual({ acknowledged: 0, alreadyAcknowledged: 1 });
    expect(overdueT10(await alertsOf(hrss)).acknowledgement?.by).toBe(names.get('hrss'));
    expect(await auditRows(before.id)).toHaveLength(1);
  });

  it('leaves acknowledging to those who work for the unit: a read-only leader sees the alert but may not (403)', async () => {
    const { leader } = await at('2021-07-21');
    const alert = overdueT10(await alertsOf(leader));
    expect(alert.abilities.acknowledge).toBe(false);
    const res = await acknowledge(leader, [{ id: alert.id, tier: alert.tier }]);
    expect(res.statusCode).toBe(403);
  });

  it('acknowledges a batch at once, one audit row each', async () => {
    const { edu } = await at('2021-07-20');
    // 区教育局 leads many tasks; one of its alerts is left for the coordinator below.
    const open = (await alertsOf(edu, '?acknowledged=false')).filter((a) => a.abilities.acknowledge);
    expect(open.length).toBeGreaterThan(2);
    const batch = open.slice(1);
    const res = await acknowledge(
      edu,
      batch.map((a) => ({ id: a.id, tier: a.tier })),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ acknowledged: batch.length, alreadyAcknowledged: 0 });
    expect((await alertsOf(edu, '?acknowledged=false')).map((a) => a.id)).toEqual([open[0]!.id]);
    for (const a of batch) expect(await auditRows(a.id)).toHaveLength(1);
  });

  it('refuses another unit’s alert: not in a clerk’s list, and the coordinator does not acknowledge for a unit', async () => {
    const { hrss, fin, coordinator } = await at('2021-07-20');
    const finAlert = (await alertsOf(fin, '?acknowledged=false'))[0]!;
    const rowsBefore = (await stored()).length;

    // 区人社局's clerk: 区财政局's alert is not in its list at all.
    const byHrss = await acknowledge(hrss, [{ id: finAlert.id, tier: finAlert.tier }]);
    expect(byHrss.statusCode).toBe(409);
    expect(refusalsOf(byHrss)).toEqual([
      expect.objectContaining({ field: 'items[0]', code: 'NOT_FOUND', id: finAlert.id }),
    ]);

    // The coordinator sees it, but the acknowledgement is the unit's own; a batch with one such
    // item writes nothing, not even the coordinator's own unit's alert beside it.
    const own = (await alertsOf(coordinator, '?acknowledged=false')).find((a) => a.unit.code === 'SD-EDU')!;
    expect(own.abilities.acknowledge).toBe(true);
    const seen = (await alertsOf(coordinator)).find((a) => a.id === finAlert.id)!;
    expect(seen.abilities.acknowledge).toBe(false);
    const byCoordinator = await acknowledge(coordinator, [
      { id: own.id, tier: own.tier },
      { id: finAlert.id, tier: finAlert.tier },
    ]);
    expect(byCoordinator.statusCode).toBe(409);
    const [refusal] = refusalsOf(byCoordinator);
    expect(refusal).toMatchObject({ field: 'items[1]', code: 'ALERT_NOT_OWN_UNIT', id: finAlert.id });
    expect(refusal!.message).toContain('发给区财政局，只能由该单位知悉');
    expect(refusal!.messageEn).toContain('only that unit can acknowledge it');
    expect((await stored()).length).toBe(rowsBefore);

    // Its own unit's alert alone it acknowledges.
    const ok = await acknowledge(coordinator, [{ id: own.id, tier: own.tier }]);
    expect(ok.json()).toEqual({ acknowledged: 1, alreadyAcknowledged: 0 });
  });

  it('asks again when the tier worsens, and refuses the stale tier naming the item', async () => {
    const { hrss } = await at('2021-08-10');
    const red = overdueT10(await alertsOf(hrss));
    // Acknowledged when it was yellow: the red alert is not acknowledged yet.
    expect(red).toMatchObject({ tier: 'red', acknowledgement: null, abilities: { acknowledge: true } });
    expect((await alertsOf(hrss, '?acknowledged=false')).map((a) => a.id)).toContain(red.id);

    const stale = await acknowledge(hrss, [{ id: red.id, tier: 'yellow' }]);
    expect(stale.statusCode).toBe(409);
    const [refusal] = refusalsOf(stale);
    expect(refusal).toMatchObject({ field: 'items[0]', code: 'ALERT_TIER_CHANGED', id: red.id });
    expect(refusal!.message).toMatch(/^「（十）.+」的逾期未报预警已由黄色预警变为红色预警/);

    const now = await acknowledge(hrss, [{ id: red.id, tier: 'red' }]);
    expect(now.json()).toEqual({ acknowledged: 1, alreadyAcknowledged: 0 });
    expect(overdueT10(await alertsOf(hrss)).acknowledgement).toMatchObject({ by: names.get('hrss') });
    const tiers = (await stored()).filter((r) => r.alertId === red.id).map((r) => r.tier);
    expect(tiers.sort()).toEqual(['red', 'yellow']);
  });

  it('shows the coordinator which units acknowledged, and filters 未知悉 / 已知悉', async () => {
    const { coordinator, fin } = await at('2021-08-10');
    const all = await alertsOf(coordinator);
    const t10Alert = overdueT10(all);
    expect(t10Alert.unit.code).toBe('SD-HRSS');
    expect(t10Alert.acknowledgement).toMatchObject({ by: names.get('hrss') });
    expect(t10Alert.abilities.acknowledge).toBe(false);
    const finAlerts = all.filter((a) => a.unit.code === 'SD-FIN');
    expect(finAlerts.length).toBeGreaterThan(0);
    expect(finAlerts.every((a) => a.acknowledgement === null)).toBe(true);

    const done = await alertsOf(coordinator, '?acknowledged=true');
    const pending = await alertsOf(coordinator, '?acknowledged=false');
    expect(done.map((a) => a.id)).toContain(t10Alert.id);
    expect(done.every((a) => a.acknowledgement !== null)).toBe(true);
    expect(pending.every((a) => a.acknowledgement === null)).toBe(true);
    expect(done.length + pending.length).toBe(all.length);
    expect(pending.map((a) => a.id)).toEqual(expect.arrayContaining(finAlerts.map((a) => a.id)));

    // Once 区财政局 acknowledges one, the coordinator's 未知悉 list loses it.
    const first = finAlerts[0]!;
    expect((await acknowledge(fin, [{ id: first.id, tier: first.tier }])).statusCode).toBe(200);
    const later = await alertsOf(coordinator, '?acknowledged=false');
    expect(later.map((a) => a.id)).not.toContain(first.id);
    expect(later).toHaveLength(pending.length - 1);
  });

  it('exports the 知悉情况 with the list, filtered as the page filters', async () => {
    const { coordinator } = await at('2021-08-10');
    const done = await alertsOf(coordinator, '?acknowledged=true');
    const x = await readExport(await coordinator.get('/api/alerts/export.xlsx?acknowledged=true'));
    expect(x.rows).toHaveLength(done.length);
    expect(x.titleBlock[1]).toBe('筛选：知悉情况=已知悉');
    const [status, by] = [x.header.indexOf('知悉情况'), x.header.indexOf('知悉人')];
    expect(new Set(x.rows.map((r) => r[status]))).toEqual(new Set(['已知悉']));
    expect(x.rows.map((r) => r[by])).toContain(names.get('hrss'));
    const pending = await readExport(await coordinator.get('/api/alerts/export.xlsx?acknowledged=false'));
    expect(new Set(pending.rows.map((r) => r[status]))).toEqual(new Set(['未知悉']));
  });

  it('refuses an empty batch, a batch over 200, a note over 200 characters and a bad filter (400)', async () => {
    const { hrss } = await at('2021-08-10');
    const id = overdueT10(await alertsOf(hrss)).id;
    const fieldsOf = (res: { json(): unknown }) =>
      ((res.json() as { error: { details: Array<{ field: string }> } }).error.details ?? []).map(
        (d) => d.field,
      );
    const empty = await acknowledge(hrss, []);
    expect(empty.statusCode).toBe(400);
    expect(fieldsOf(empty).join()).toContain('items');
    const many = await acknowledge(
      hrss,
      Array.from({ length: 201 }, (_, i) => ({ id: `x:${i}`, tier: 'red' })),
    );
    expect(many.statusCode).toBe(400);
    const long = await acknowledge(hrss, [{ id, tier: 'red' }], '长'.repeat(201));
    expect(long.statusCode).toBe(400);
    expect(fieldsOf(long).join()).toContain('note');
    const badTier = await acknowledge(hrss, [{ id, tier: 'green' }]);
    expect(badTier.statusCode).toBe(400);
    expect((await hrss.get('/api/alerts?acknowledged=maybe')).statusCode).toBe(400);
  });
});
