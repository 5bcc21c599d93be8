import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readExport } from '../../test/read-export.ts';
import { createTestContext, multipartFile, type Client, type TestContext } from '../../test/test-context.ts';
import {
  badCheck,
  enterpriseBody,
  enterprisesCast,
  errorOf,
  importFile,
  nextUscc,
  registerEnterprise,
} from './enterprises-test-helpers.ts';

type Cast = Awaited<ReturnType<typeof enterprisesCast>>;
/** `n` CJK characters that do not repeat in a pattern (a linear congruential walk over U+4E00…U+9FFF). */
const varied = (n: number) => {
  let x = 7;
  return Array.from({ length: n }, () =>
    String.fromCharCode(0x4e00 + ((x = (x * 1103515245 + 12345) % 2 ** 31) % 20_000)),
  ).join('');
};
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('importing the 规上 list and staff counts, and exporting the register', () => {
  let ctx: TestContext;
  let cast: Cast;
  let yitongUscc: string;
  let yitongId: string;
  const upload = (client: Client, buffer: Buffer, name = '规上名录.xlsx') =>
    client.request({ method: 'POST', url: '/api/enterprises/imports', ...multipartFile(name, buffer, XLSX) });
  const counts = async () => ({
    enterprises: (await ctx.db.selectFrom('enterprise').select('orgUnitId').execute()).length,
    years: (await ctx.db.selectFrom('enterpriseYear').select('year').execute()).length,
    units: (await ctx.db.selectFrom('orgUnit').select('id').execute()).length,
  });

  beforeAll(async () => {
    ctx = await createTestContext();
    cast = await enterprisesCast(ctx);
    yitongId = await cast.unit('SD-YITONG');
    yitongUscc = nextUscc();
    await registerEnterprise(
      cast.clients.iit,
      enterpriseBody({
        orgUnitId: yitongId,
        uscc: yitongUscc,
        legalName: '易通集团',
        industryDivision: '34',
      }),
    );
  });
  afterAll(() => ctx?.close());

  it('serves the template to keepers', async () => {
    const res = await cast.clients.iit.get('/api/enterprises/import-template.xlsx');
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['content-disposition'])).toContain('attachment');
    expect((await cast.clients.hrss.get('/api/enterprises/import-template.xlsx')).statusCode).toBe(200);
  });

  it('refuses a file with any bad row, listing every problem by row, and writes nothing', async () => {
    const before = await counts();
    const unknown = nextUscc();
    const file = await importFile([
      { 统一社会信用代码: yitongUscc, 年度: 2020, 职工总数: 1280, 是否规上: '是' },
      { 统一社会信用代码: badCheck(nextUscc()), 年度: 2020, 职工总数: 10 },
      { 统一社会信用代码: yitongUscc, 年度: 2020, 职工总数: 1290 },
      { 统一社会信用代码: unknown, 年度: 2020, 职工总数: 5 },
      { 统一社会信用代码: nextUscc(), 企业名称: '新企业', 行业代码: '99', 年度: 2020 },
      { 统一社会信用代码: yitongUscc, 年度: 2019, 职工总数: '一千' },
      { 统一社会信用代码: yitongUscc, 年度: 2018, 是否规上: '大概' },
      { 统一社会信用代码: yitongUscc, 年度: 2030 },
      // Beyond the columns' range: a row error, not a failed write (review finding).
      { 统一社会信用代码: yitongUscc, 年度: 2017, 职工总数: 99_999_999_999, '营业收入（万元）': 1e15 },
      // A long cell is quoted cut to 50 characters.
      { 统一社会信用代码: yitongUscc, 年度: 2016, 是否规上: '很'.repeat(5000) },
    ]);
    const res = await upload(cast.clients.iit, file);
    expect(res.statusCode, res.body).toBe(400);
    const error = errorOf(res);
    expect(error.code).toBe('ENTERPRISE_IMPORT_INVALID');
    expect(error.details!.map((d) => [d.row, d.field, d.code])).toEqual([
      [3, 'uscc', 'USCC_CHECKSUM'],
      [4, 'uscc', 'DUPLICATE'],
      [5, 'legalName', 'ENTERPRISE_UNKNOWN'],
      [6, 'industryDivision', 'INDUSTRY_UNKNOWN'],
      [7, 'staff', 'NUMBER_INVALID'],
      [8, 'listedAboveScale', 'VALUE_UNKNOWN'],
      [9, 'year', 'YEAR_INVALID'],
      [10, 'staff', 'NUMBER_TOO_LARGE'],
      [10, 'revenueWan', 'NUMBER_TOO_LARGE'],
      [11, 'listedAboveScale', 'VALUE_UNKNOWN'],
    ]);
    expect(String(error.details![9]!.message).length).toBeLessThan(100);
    expect(error.details![0]).toMatchObject({ position: 18 });
    expect(String(error.details![0]!.message)).toContain('第 18 位');
    expect(await counts()).toEqual(before);
    const audit = await ctx.db
      .selectFrom('auditLog')
      .select(['result', 'details'])
      .where('action', '=', 'enterprise.import')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ result: 'failure', details: { problems: 10 } });
  });

  it('says why a workbook cannot be read: the cell past Excel’s 32,767 characters, by name', async () => {
    const file = await importFile([
      { 统一社会信用代码: yitongUscc, 年度: 2020, 职工总数: 1280 },
      // Varied characters: a cell of one repeated character compresses past the upload guard's ratio.
      { 统一社会信用代码: yitongUscc, 年度: 2019, 是否规上: varied(40_000) },
    ]);
    const res = await upload(cast.clients.iit, file, '超长单元格.xlsx');
    expect(res.statusCode, res.body).toBe(400);
    const [problem] = errorOf(res).details!;
    expect(problem).toMatchObject({ row: 0, field: 'file', code: 'FILE_UNREADABLE' });
    expect(String(problem!.message)).toMatch(
      /^无法读取该 Excel 文件：单元格 [A-Z]+3 的文字超过 Excel 单元格上限 32767 个字符$/,
    );
    expect(String(problem!.messageEn)).toMatch(/^The Excel file cannot be read: cell [A-Z]+3 holds more/);
  });

  it('imports a good file in one go, registering new enterprises from their rows, once', async () => {
    const before = await counts();
    const fresh = nextUscc();
    const rows = [
      { 统一社会信用代码: yitongUscc, 年度: 2020, 职工总数: 1280, 是否规上: '是' },
      {
        统一社会信用代码: yitongUscc,
        年度: 2021,
        职工总数: '1,320',
        是否规上: '是',
        '营业收入（万元）': 91000,
      },
      {
        统一社会信用代码: fresh.toLowerCase(),
        企业名称: '长治市上党区新材料有限公司',
        行业代码: '30',
        年度: 2020,
        职工总数: 210,
        '营业收入（万元）': 2600,
      },
      { 统一社会信用代码: fresh, 年度: 2021, 职工总数: 230, '营业收入（万元）': 1800 },
      // 振东集团 is an enterprise unit without a register entry: the row links it by name.
      {
        统一社会信用代码: nextUscc(),
        企业名称: '山西振东健康产业集团有限公司',
        行业代码: '27',
        年度: 2021,
        职工总数: 3500,
        是否规上: '是',
      },
    ];
    const file = await importFile(rows);
    const res = await upload(cast.clients.iit, file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ repeated: false, rows: 5, created: 2, updated: 5, unchanged: 0 });
    const after = await counts();
    expect(after).toEqual({
      enterprises: before.enterprises + 2,
      years: before.years + 5,
      units: before.units + 1,
    });
    const zhendong = await ctx.db
      .selectFrom('enterprise')
      .select('legalName')
      .where('orgUnitId', '=', await cast.unit('SD-ZHENDONG'))
      .executeTakeFirst();
    expect(zhendong?.legalName).toBe('山西振东健康产业集团有限公司');
    const years = await ctx.db
      .selectFrom('enterpriseYear')
      .selectAll()
      .where('enterpriseId', '=', yitongId)
      .orderBy('year')
      .execute();
    expect(years.map((y) => [y.year, y.staff, y.aboveScale, y.aboveScaleSource])).toEqual([
      [2020, 1280, true, 'statistics_list'],
      [2021, 1320, true, 'statistics_list'],
    ]);
    const created = await ctx.db
      .selectFrom('enterprise')
      .select('orgUnitId')
      .where('uscc', '=', fresh)
      .executeTakeFirstOrThrow();
    // The unit made is audited, then the import: the last two rows of the chain, in that order.
    const tail = await ctx.db
      .selectFrom('auditLog')
      .select(['action', 'objectId'])
      .orderBy('seq', 'desc')
      .limit(2)
      .execute();
    expect(tail.reverse().map((r) => r.action)).toEqual(['org.unit_create', 'enterprise.import']);
    expect(tail[0]!.objectId).toBe(created.orgUnitId);
    const freshYears = await ctx.db
      .selectFrom('enterpriseYear')
      .selectAll()
      .where('enterpriseId', '=', created.orgUnitId)
      .orderBy('year')
      .execute();
    expect(freshYears.map((y) => [y.year, y.aboveScale, y.aboveScaleSource, y.thresholdVersion])).toEqual([
      [2020, true, 'thresholds', '2011'],
      [2021, false, 'thresholds', '2011'],
    ]);

    const again = await upload(cast.clients.iit, file);
    expect(again.json()).toMatchObject({ repeated: true, created: 2, updated: 5 });
    expect(await counts()).toEqual(after);
    // The same rows in another file: nothing differs from the register, so nothing is written.
    const same = await upload(cast.clients.iit, await importFile(rows.slice(0, 2).reverse()));
    expect(same.json()).toMatchObject({ repeated: false, created: 0, updated: 0, unchanged: 2 });
  });

  it('takes imports from register keepers only', async () => {
    const file = await importFile([{ 统一社会信用代码: yitongUscc, 年度: 2020, 职工总数: 1 }]);
    for (const who of ['hrss', 'yitong', 'vhs'] as const)
      expect((await upload(cast.clients[who], file)).statusCode, who).toBe(403);
  });

  it('exports the register the actor sees, without contacts, audited', async () => {
    await cast.clients.iit.put(`/api/enterprises/${yitongId}/contacts`, {
      contacts: [{ name: '王建军', title: '经理', phone: '13835501201' }],
    });
    const res = await cast.clients.hrss.get('/api/enterprises/export.xlsx?year=2021&aboveScale=true');
    expect(res.statusCode).toBe(200);
    const x = await readExport(res);
    expect(x.header[0]).toBe('企业名称');
    expect(x.rows.map((r) => r[0]).sort()).toEqual(['山西振东健康产业集团有限公司', '易通集团']);
    expect(x.cells.join('|')).not.toContain('13835501201');
    expect(x.cells.join('|')).not.toContain('王建军');
    const own = await readExport(await cast.clients.yitong.get('/api/enterprises/export.xlsx'));
    expect(own.rows.map((r) => r[0])).toEqual(['易通集团']);
    const audits = await ctx.db
      .selectFrom('auditLog')
      .select('actorId')
      .where('action', '=', 'enterprises.export')
      .execute();
    expect(audits.map((a) => a.actorId)).toEqual([cast.users.hrss.id, cast.users.yitong.id]);
  });

  it('finds enterprises in the global search by name and by code, within the list’s scope', async () => {
    const hit = (await cast.clients.hrss.get(`/api/search?q=${encodeURIComponent('易通')}`)).json() as {
      groups: Array<{ kind: string; hits: Array<{ id: string; link: string }> }>;
    };
    const group = hit.groups.find((g) => g.kind === 'enterprise')!;
    expect(group.hits).toEqual([expect.objectContaining({ id: yitongId, link: `/enterprises/${yitongId}` })]);
    const byCode = (
      await cast.clients.hrss.get(`/api/search?q=${yitongUscc.slice(0, 16)}&kind=enterprise`)
    ).json() as {
      groups: Array<{ kind: string; total: number }>;
    };
    expect(byCode.groups[0]).toMatchObject({ kind: 'enterprise', total: 1 });
  });
});
