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

/** The demo's enterprises 规上 in 2021: on the statistics list, or judged so by their revenue. */
const ABOVE_SCALE_2021 = [
  '易通集团',
  '振东集团',
  '晋能煤机',
  '上党焊接科技',
  '康泰医药',
  '云商电商',
  '美丽家园',
  '恒泰建筑',
  '顺达物流',
  '晋韵新材',
  '驰程汽配',
  '精工数控',
  '太行建材',
  '丰润食品',
  '聚源光伏',
  '宏达电力安装',
  '瑞康医院',
  '捷运冷链',
  '万家福商贸',
  '才聚人力',
  '潞宁酒店',
  '绿洲环保',
];

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

  it('registers the plan’s two enterprises on their units and a few dozen synthetic ones, with 2020–2022 figures', async () => {
    expect(demoYears('2026-11-29')).toEqual([2020, 2021, 2022]);
    expect(DEMO_ENTERPRISES.length).toBeGreaterThanOrEqual(30);
    // Each enterprise: a row for each of 2020–2022 and one for this year.
    expect(loaded).toEqual({ enterprises: DEMO_ENTERPRISES.length, years: DEMO_ENTERPRISES.length * 4 });
    const list = (await hrss.get('/api/enterprises?limit=100')).json() as List;
    // The list opens on this year: its 规上 status is on file (from the thresholds) for most.
    expect(list.year).toBe(2026);
    expect(list.total).toBe(DEMO_ENTERPRISES.length);
    const y2021 = (await hrss.get('/api/enterprises?year=2021&aboveScale=true&limit=100')).json() as List;
    expect(y2021.items.map((i) => i.name).sort()).toEqual([...ABOVE_SCALE_2021].sort());
    const yitongId = (
      await ctx.db
        .selectFrom('orgUnit')
        .select('id')
        .where('code', '=', 'SD-YITONG')
        .executeTakeFirstOrThrow()
    ).id;
    const own = (await yitong.get('/api/enterprises')).json() as List;
    expect(own.items.map((i) => i.id)).toEqual([yitongId]);
    expect(own.items[0]!.facts).toMatchObject({ staff: 1400, aboveScale: true });
    const y2022 = (await yitong.get('/api/enterprises?year=2022')).json() as List;
    expect(y2022.items[0]!.facts).toMatchObject({ staff: 1360, aboveScale: true });
  });

  it('enters this year’s staff and revenue at mid-year, so this year’s 规上 comes from the thresholds', async () => {
    const rows = await ctx.db
      .selectFrom('enterpriseYear as y')
      .innerJoin('orgUnit as o', 'o.id', 'y.enterpriseId')
      .leftJoin('appUser as u', 'u.id', 'y.updatedBy')
      .select(['o.name', 'y.staff', 'y.revenueWan', 'y.listedAboveScale'])
      .select(['y.aboveScale', 'y.aboveScaleSource', 'u.username'])
      .where('y.year', '=', 2026)
      .execute();
    expect(rows).toHaveLength(DEMO_ENTERPRISES.length);
    // No statistics list for the year in progress: every flag in force is the thresholds'.
    expect(rows.every((r) => r.listedAboveScale === null)).toBe(true);
    const name = (r: (typeof rows)[number]) => r.name;
    const judged = rows.filter((r) => r.aboveScale !== null);
    expect(judged.every((r) => r.aboveScaleSource === 'thresholds')).toBe(true);
    // Construction is judged by the list only, and the clinic, the care home and the farms cannot be.
    expect(
      rows
        .filter((r) => r.aboveScale === null)
        .map(name)
        .sort(),
    ).toEqual(['恒泰建筑', '宏达电力安装', '康复之家', '仁和中医', '绿源农业', '田园牧歌'].sort());
    expect(
      rows
        .filter((r) => r.aboveScale === false)
        .map(name)
        .sort(),
    ).toEqual(['荫城铁器', '潞酒坊', '颐康养老', '智联软件'].sort());
    expect(await aboveScaleEnterprises(ctx.db, 2026)).toHaveLength(DEMO_ENTERPRISES.length - 10);
    // 易通集团's staff count is its own clerk's entry; its revenue the keeper's.
    const yitongRow = rows.find((r) => r.name === '易通集团')!;
    expect(yitongRow).toMatchObject({ staff: 1400, aboveScale: true, username: 'yitong' });
    expect(Number(yitongRow.revenueWan)).toBe(101480);
    expect(rows.filter((r) => r.username !== 'yitong').every((r) => r.username === 'iit')).toBe(true);
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
    expect(above).toHaveLength(ABOVE_SCALE_2021.length);
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
