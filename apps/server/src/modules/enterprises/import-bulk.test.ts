import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../platform/audit/audit-verify.ts';
import { createTestContext, multipartFile, type TestContext } from '../../test/test-context.ts';
import { badCheck, enterprisesCast, errorOf, importFile, nextUscc } from './enterprises-test-helpers.ts';

type Cast = Awaited<ReturnType<typeof enterprisesCast>>;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** New enterprises in the file, two years each: 3,000 rows, written in multi-row statements. */
const ENTERPRISES = 1500;

describe('importing a file of thousands of rows', () => {
  let ctx: TestContext;
  let cast: Cast;
  const usccs = Array.from({ length: ENTERPRISES }, () => nextUscc());
  const rows = usccs.flatMap((uscc, i) => [
    {
      统一社会信用代码: uscc,
      企业名称: `长治市上党区批量导入测试${i}有限公司`,
      行业代码: '33',
      年度: 2020,
      职工总数: 100 + i,
      '营业收入（万元）': 1000 + i,
    },
    { 统一社会信用代码: uscc, 年度: 2021, 职工总数: 200 + i, 是否规上: i % 2 === 0 ? '是' : '否' },
  ]);
  const upload = async (buffer: Buffer) =>
    cast.clients.iit.request({
      method: 'POST',
      url: '/api/enterprises/imports',
      ...multipartFile('规上名录.xlsx', buffer, XLSX),
    });
  const counts = async () => ({
    enterprises: (await ctx.db.selectFrom('enterprise').select('orgUnitId').execute()).length,
    years: (await ctx.db.selectFrom('enterpriseYear').select('year').execute()).length,
    units: (await ctx.db.selectFrom('orgUnit').select('id').execute()).length,
    audit: (await ctx.db.selectFrom('auditLog').select('seq').execute()).length,
  });

  beforeAll(async () => {
    ctx = await createTestContext();
    cast = await enterprisesCast(ctx);
  });
  afterAll(() => ctx?.close());

  it('writes nothing when a single row among thousands is refused', async () => {
    const before = await counts();
    const bad = rows.map((r, i) =>
      i === 2345 ? { ...r, 统一社会信用代码: badCheck(r.统一社会信用代码) } : r,
    );
    const res = await upload(await importFile(bad));
    expect(res.statusCode, res.body).toBe(400);
    // The data's row 2,345 (from 0) is the sheet's row 2,347: the header is row 1.
    expect(errorOf(res).details!.map((d) => [d.row, d.field, d.code])).toEqual([
      [2347, 'uscc', 'USCC_CHECKSUM'],
    ]);
    expect(await counts()).toEqual({ ...before, audit: before.audit + 1 });
  });

  it('registers every new enterprise with its unit and years, audited unit by unit, then updates in bulk', async () => {
    const before = await counts();
    const res = await upload(await importFile(rows));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      repeated: false,
      rows: 3000,
      created: 1500,
      updated: 3000,
      unchanged: 0,
    });
    expect(await counts()).toEqual({
      enterprises: before.enterprises + 1500,
      years: before.years + 3000,
      units: before.units + 1500,
      audit: before.audit + 1501,
    });

    const registered = await ctx.db
      .selectFrom('enterprise as e')
      .innerJoin('orgUnit as u', 'u.id', 'e.orgUnitId')
      .select(['e.orgUnitId', 'e.uscc', 'e.legalName', 'u.code', 'u.fullName'])
      .where('e.uscc', 'in', usccs.slice(0, 3))
      .orderBy('e.uscc')
      .execute();
    expect(registered).toHaveLength(3);
    for (const e of registered) {
      expect(e.code).toBe(`SD-${e.uscc}`);
      expect(e.fullName).toBe(e.legalName);
    }
    // One org.unit_create row per unit made, in the file's order, then the import's row.
    const audit = await ctx.db
      .selectFrom('auditLog')
      .select(['action', 'objectId', 'details'])
      .where('seq', '>', before.audit)
      .orderBy('seq')
      .execute();
    expect(audit.slice(0, 1500).every((a) => a.action === 'org.unit_create')).toBe(true);
    const first = registered.find((e) => e.uscc === usccs[0])!;
    expect(audit[0]).toMatchObject({
      objectId: first.orgUnitId,
      details: { code: `SD-${usccs[0]}`, name: first.legalName, by: 'enterprise_register' },
    });
    expect(audit[1500]).toMatchObject({
      action: 'enterprise.import',
      details: { rows: 3000, years: [2020, 2021], created: 1500, updated: 3000, unchanged: 0 },
    });
    expect((audit[1500]!.details as { registered: string[] }).registered).toEqual(usccs);
    expect((await verifyAuditChain(ctx.db)).ok).toBe(true);

    const year = await ctx.db
      .selectFrom('enterpriseYear')
      .select(['year', 'staff', 'revenueWan', 'listedAboveScale', 'aboveScale', 'aboveScaleSource'])
      .where('enterpriseId', '=', first.orgUnitId)
      .orderBy('year')
      .execute();
    expect(
      year.map((y) => [y.year, y.staff, Number(y.revenueWan), y.listedAboveScale, y.aboveScaleSource]),
    ).toEqual([
      [2020, 100, 1000, null, 'thresholds'],
      [2021, 200, 0, true, 'statistics_list'],
    ]);

    // The 2021 figures again, every other enterprise with a new staff count: half change, half do not.
    const next = usccs.map((uscc, i) => ({
      统一社会信用代码: uscc,
      年度: 2021,
      职工总数: i % 2 === 0 ? 300 + i : 200 + i,
      是否规上: i % 2 === 0 ? '是' : '否',
    }));
    const again = await upload(await importFile(next));
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ rows: 1500, created: 0, updated: 750, unchanged: 750 });
    const changed = await ctx.db
      .selectFrom('enterpriseYear')
      .select(['staff', 'listedAboveScale'])
      .where('enterpriseId', '=', first.orgUnitId)
      .where('year', '=', 2021)
      .executeTakeFirstOrThrow();
    expect(changed).toEqual({ staff: 300, listedAboveScale: true });
  });
});
