import { ALERT_TIER_LABELS, ALERT_TIERS, type AlertTier } from '@zhijiao/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readExport } from '../../test/read-export.ts';
import { createTestContext, taskByNumber, type Client, type TestContext } from '../../test/test-context.ts';
import { startedInspection, supervisionCast } from './supervision-test-helpers.ts';

describe('the rectification orders export (整改通知 .xlsx)', () => {
  let ctx: TestContext;
  let c: Record<string, Client>;
  let hrssId: string;

  beforeAll(async () => {
    ctx = await createTestContext();
    const cast = await supervisionCast(ctx);
    c = cast.clients;
    hrssId = cast.hrssId;
    const task = await taskByNumber(ctx, cast.planId, 9);
    const inspectionId = await startedInspection(c.coordinator!, {
      inspectorIds: [cast.users.inspector.id],
      scope: [
        { type: 'unit', id: cast.hrssId },
        { type: 'unit', id: cast.finId },
        { type: 'task', id: task.id },
      ],
    });
    for (const [unitId, title] of [
      [cast.hrssId, '=HYPERLINK("http://x")校企合作推进滞后'],
      [cast.finId, '专项资金拨付不及时'],
    ] as const) {
      const f = await c.inspector!.post(`/api/supervision/inspections/${inspectionId}/findings`, {
        subjectType: 'task',
        subjectId: task.id,
        orgUnitId: unitId,
        title,
        description: '未按期报送进展',
        severity: 'general',
      });
      expect(f.statusCode, f.body).toBe(201);
      const id = (f.json() as { finding: { id: string } }).finding.id;
      const o = await c.inspector!.post(`/api/supervision/findings/${id}/order`, {
        requirements: '一个月内完成整改',
        dueDate: '2021-05-25',
      });
      expect(o.statusCode, o.body).toBe(201);
    }
  }, 180_000);
  afterAll(() => ctx?.close());

  it('holds the same orders as the list, with a title block, a frozen bold header and a Chinese file name', async () => {
    const list = await c.coordinator!.get('/api/supervision/orders');
    const titles = (list.json() as { items: Array<{ title: string }> }).items.map((o) => o.title);
    expect(titles).toHaveLength(2);
    const res = await c.coordinator!.get('/api/supervision/orders/export.xlsx');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const x = await readExport(res);
    expect(x.disposition).toMatch(/^attachment; filename\*=UTF-8''/);
    expect(decodeURIComponent(x.disposition.split("''")[1]!)).toMatch(/^整改通知-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(x.sheetName).toBe('整改通知');
    expect(x.titleBlock[0]).toBe('整改通知 — 区教育局');
    expect(x.titleBlock[1]).toBe('筛选：无');
    expect(x.titleBlock[2]).toMatch(/^导出时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间）$/);
    expect(x.header.slice(0, 3)).toEqual(['整改通知', '责任单位', '督导']);
    expect(x.frozenRows).toBe(4);
    expect(x.rows.map((r) => r[0]).sort()).toEqual([...titles].sort());
    expect(x.rows.map((r) => r[3])).toContain(`'=HYPERLINK("http://x")校企合作推进滞后`);
    expect(x.rows.every((r) => r[5] === '待整改' && r[7] === '2021-05-25')).toBe(true);
  });

  it("gives a unit clerk only their unit's orders, as their list does", async () => {
    const list = await c.hrss!.get('/api/supervision/orders');
    const x = await readExport(await c.hrss!.get('/api/supervision/orders/export.xlsx'));
    expect(x.rows).toHaveLength((list.json() as { items: unknown[] }).items.length);
    expect(x.rows.map((r) => r[1])).toEqual(['区人社局']);
    expect(x.cells.some((cell) => cell.includes('专项资金'))).toBe(false);
    const fin = await readExport(await c.fin!.get('/api/supervision/orders/export.xlsx'));
    expect(fin.rows.map((r) => r[3])).toEqual(['专项资金拨付不及时']);
  });

  it('applies the filters and names them in the title block, in English when asked', async () => {
    const byUnit = await readExport(
      await c.coordinator!.get(`/api/supervision/orders/export.xlsx?orgUnitId=${hrssId}`),
    );
    expect(byUnit.rows.map((r) => r[1])).toEqual(['区人社局']);
    expect(byUnit.titleBlock[1]).toBe('筛选：责任单位=区人社局');
    const closed = await readExport(
      await c.coordinator!.get('/api/supervision/orders/export.xlsx?state=closed'),
    );
    expect(closed.rows).toEqual([]);
    const en = await readExport(
      await c.coordinator!.request({
        method: 'GET',
        url: '/api/supervision/orders/export.xlsx?state=issued',
        headers: { 'accept-language': 'en' },
      }),
    );
    expect(en.header[0]).toBe('Order');
    expect(en.titleBlock[1]).toBe('Filters: State=Issued');
    expect(en.rows.map((r) => r[5])).toEqual(['Issued', 'Issued']);
  });

  it('applies the page’s colour tier filter, which the list route does not take', async () => {
    const list = (
      (await c.coordinator!.get('/api/supervision/orders')).json() as {
        items: Array<{ title: string; tier: string | null }>;
      }
    ).items;
    const tier = list.find((o) => o.tier)?.tier ?? 'red';
    const x = await readExport(await c.coordinator!.get(`/api/supervision/orders/export.xlsx?tier=${tier}`));
    expect(x.rows.map((r) => r[0]).sort()).toEqual(
      list
        .filter((o) => o.tier === tier)
        .map((o) => o.title)
        .sort(),
    );
    expect(x.titleBlock[1]).toBe(`筛选：预警=${ALERT_TIER_LABELS[tier as AlertTier].zh}`);
    const other = ALERT_TIERS.find((t) => !list.some((o) => o.tier === t))!;
    expect(
      (await readExport(await c.coordinator!.get(`/api/supervision/orders/export.xlsx?tier=${other}`))).rows,
    ).toEqual([]);
  });

  it('names a unit filter by the unit’s name even when no order matches', async () => {
    const districtId = (
      await ctx.db.selectFrom('orgUnit').select('id').where('code', '=', 'SD-EDU').executeTakeFirstOrThrow()
    ).id;
    const x = await readExport(
      await c.coordinator!.get(`/api/supervision/orders/export.xlsx?orgUnitId=${districtId}`),
    );
    expect(x.rows).toEqual([]);
    expect(x.titleBlock[1]).toBe('筛选：责任单位=区教育局');
  });

  it('audits every export with its row count and filters', async () => {
    const before = await ctx.db
      .selectFrom('auditLog')
      .select('seq')
      .where('action', '=', 'supervision.export')
      .execute();
    await c.hrss!.get('/api/supervision/orders/export.xlsx?state=issued');
    const rows = await ctx.db
      .selectFrom('auditLog')
      .select(['objectType', 'details', 'actorName'])
      .where('action', '=', 'supervision.export')
      .orderBy('seq', 'desc')
      .execute();
    expect(rows).toHaveLength(before.length + 1);
    expect(rows[0]).toMatchObject({
      objectType: 'rectification_order',
      details: { rows: 1, filter: { state: 'issued' } },
    });
  });
});

describe('the yearly assessment export (年度督导考评 .xlsx)', () => {
  let ctx: TestContext;
  let c: Record<string, Client>;

  beforeAll(async () => {
    ctx = await createTestContext();
    c = (await supervisionCast(ctx)).clients;
  }, 180_000);
  afterAll(() => ctx?.close());

  it('holds the rows of the assessment page for the actor, and is audited', async () => {
    for (const client of [c.coordinator!, c.hrss!]) {
      const page = (await client.get('/api/supervision/assessment?year=2021')).json() as {
        rows: Array<{ unit: { name: string }; score: number }>;
      };
      const x = await readExport(await client.get('/api/supervision/assessment/export.xlsx?year=2021'));
      expect(x.sheetName).toBe('2021年度督导考评');
      expect(x.titleBlock[1]).toBe('筛选：年度=2021');
      expect(x.rows.map((r) => [r[0], Number(r[8])])).toEqual(page.rows.map((r) => [r.unit.name, r.score]));
    }
    const audit = await ctx.db
      .selectFrom('auditLog')
      .select('objectType')
      .where('action', '=', 'supervision.export')
      .execute();
    expect(audit).toEqual([{ objectType: 'annual_assessment' }, { objectType: 'annual_assessment' }]);
  });
});
