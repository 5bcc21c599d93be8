import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateCreditCode } from '../../platform/validation/credit-code.ts';
import {
  createTestContext,
  createUser,
  demoContext,
  login,
  seedShangdang,
  type Client,
  type TestContext,
} from '../../test/test-context.ts';
import { aboveScaleEnterprises, enterpriseYearFacts, type EnterprisesModule } from './index.ts';
import { DEMO_ENTERPRISES, demoUscc } from './enterprises.demo-data.ts';
import { demoYears, loadEnterpriseDemo } from './enterprises.demo.ts';

type List = {
  year: number;
  total: number;
  items: Array<{
    id: string;
    name: string;
    facts: { staff: number | null; aboveScale: boolean | null } | null;
  }>;
};

describe('the enterprises demo', () => {
  let ctx: TestContext;
  let hrss: Client;
  let yitong: Client;
  let loaded: { enterprises: number; years: number };
  beforeAll(async () => {
    ctx = await createTestContext({ now: '2026-11-29T02:00:00Z' });
    await seedShangdang(ctx);
    await createUser(ctx, 'unit_clerk', 'SD-IIT', 'iit');
    yitong = await login(ctx, (await createUser(ctx, 'unit_clerk', 'SD-YITONG', 'yitong')).username);
    hrss = await login(ctx, (await createUser(ctx, 'unit_clerk', 'SD-HRSS')).username);
    loaded = await loadEnterpriseDemo(demoContext<EnterprisesModule>(ctx, 'enterprises'));
  });
  afterAll(() => ctx?.close());

  it('gives every demo enterprise a valid 统一社会信用代码, each its own', () => {
    const codes = DEMO_ENTERPRISES.map((e) => demoUscc(e.body8));
    for (const code of codes)
      expect(validateCreditCode(code), code).toMatchObject({ ok: true, normalized: code });
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('registers the plan’s two enterprises on their units and the synthetic ones, with 2020–2022 figures', async () => {
    expect(demoYears('2026-11-29')).toEqual([2020, 2021, 2022]);
    expect(loaded).toEqual({ enterprises: DEMO_ENTERPRISES.length, years: DEMO_ENTERPRISES.length * 3 + 1 });
    const list = (await hrss.get('/api/enterprises?limit=100')).json() as List;
    // The list opens on the year of the last 规上 list (2022), not on this year, where only
    // 易通集团 has given its staff count so far.
    expect(list.year).toBe(2022);
    expect(list.total).toBe(DEMO_ENTERPRISES.length);
    const y2021 = (await hrss.get('/api/enterprises?year=2021&aboveScale=true&limit=100')).json() as List;
    expect(y2021.items.map((i) => i.name).sort()).toEqual(
      [
        '易通集团',
        '振东集团',
        '晋能煤机',
        '上党焊接科技',
        '康泰医药',
        '云商电商',
        '美丽家园',
        '恒泰建筑',
        '顺达物流',
      ].sort(),
    );
    const yitongId = (
      await ctx.db
        .selectFrom('orgUnit')
        .select('id')
        .where('code', '=', 'SD-YITONG')
        .executeTakeFirstOrThrow()
    ).id;
    const own = (await yitong.get('/api/enterprises')).json() as List;
    expect(own.items.map((i) => i.id)).toEqual([yitongId]);
    expect(own.items[0]!.facts).toMatchObject({ staff: 1360, aboveScale: true });
    // This year: its own staff count given, the 规上 status not yet on file.
    const thisYear = (await yitong.get('/api/enterprises?year=2026')).json() as List;
    expect(thisYear.items[0]!.facts).toMatchObject({ staff: 1400, aboveScale: null });
  });

  it('answers the typed reads the internships module uses', async () => {
    const ids = await ctx.db
      .selectFrom('orgUnit')
      .select(['id', 'code'])
      .where('code', 'in', ['SD-YITONG', 'SD-ZHENDONG'])
      .execute();
    const byCode = new Map(ids.map((u) => [u.code, u.id]));
    const facts = await enterpriseYearFacts(
      ctx.db,
      [byCode.get('SD-YITONG')!, byCode.get('SD-ZHENDONG')!],
      2021,
    );
    expect(facts.get(byCode.get('SD-YITONG')!)).toMatchObject({
      staff: 1320,
      aboveScale: true,
      aboveScaleSource: 'statistics_list',
    });
    expect(facts.get(byCode.get('SD-ZHENDONG')!)).toMatchObject({ staff: 3520, aboveScale: true });
    const above = await aboveScaleEnterprises(ctx.db, 2021);
    expect(above).toHaveLength(9);
    expect(above.find((a) => a.enterpriseId === byCode.get('SD-YITONG'))).toMatchObject({ staff: 1320 });
    expect(await aboveScaleEnterprises(ctx.db, 2019)).toEqual([]);
  });

  it('loads once', async () => {
    expect(await loadEnterpriseDemo(demoContext<EnterprisesModule>(ctx, 'enterprises'))).toEqual({
      enterprises: 0,
      years: 0,
    });
  });
});
