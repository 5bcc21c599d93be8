import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { actorOf } from '../../test/alert-actors.ts';
import {
  createTestContext,
  createUser,
  login,
  seedShangdang,
  type Client,
  type TestContext,
} from '../../test/test-context.ts';
import * as catalogue from './catalogue.service.ts';
import { learnerIdNumber, seedLearner } from './credit-bank.test-helpers.ts';
import * as review from './outcome-review.service.ts';
import * as outcomes from './outcomes.service.ts';

async function workbook(res: {
  statusCode: number;
  body: string;
  headers: Record<string, unknown>;
  rawPayload: Buffer;
}) {
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toMatch(/spreadsheetml/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return wb;
}
/** A sheet's rows from the header (row 4, under the title block) down, as arrays of cell values. */
const rowsOf = (ws: ExcelJS.Worksheet) => {
  const rows: unknown[][] = [];
  ws.eachRow((row, n) => {
    if (n >= 4) rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
};

/** The export for the national credit bank (国家学分银行): cells, scope, masking, the note on its columns, the audit. */
describe('credit-bank export (导出（国家学分银行格式）)', () => {
  let ctx: TestContext;
  let deps: ModuleDeps;
  let vhs: Client;
  let vec: Client;
  let coordinator: Client;
  let learnerId: string;

  beforeAll(async () => {
    ctx = await createTestContext();
    await seedShangdang(ctx);
    deps = ctx.services.modules.deps.get('learners')!;
    const clerk = await actorOf(ctx, 'unit_clerk', 'SD-VHS');
    const reviewer = await actorOf(ctx, 'coordinator', 'SD-EDU');
    vhs = await login(ctx, (await createUser(ctx, 'unit_clerk', 'SD-VHS')).username);
    vec = await login(ctx, (await createUser(ctx, 'unit_clerk', 'SD-VEC')).username);
    coordinator = await login(ctx, (await createUser(ctx, 'coordinator', 'SD-EDU')).username);
    learnerId = await seedLearner(ctx, 'SD-VHS', 51);
    await catalogue.createCatalogueVersion(deps, reviewer, {
      year: 2021,
      entries: [
        {
          type: 'one_plus_x_certificate',
          certificateCode: null,
          certificateName: '',
          level: 'intermediate',
          suggestedCredits: 85,
        },
      ],
    });
    const recorded = await outcomes.recordOutcome(deps, clerk, learnerId, {
      type: 'one_plus_x_certificate',
      title: '=Web 前端开发',
      level: 'intermediate',
      issuer: '工业和信息化部教育与考试中心',
      number: 'EXP-1',
      achievedOn: '2021-03-01',
    });
    await review.recogniseLearningOutcome(deps, reviewer, recorded.id, {});
    // A pending outcome is not exported.
    await outcomes.recordOutcome(deps, clerk, learnerId, {
      type: 'one_plus_x_certificate',
      title: '大数据',
      level: 'intermediate',
      issuer: '某培训评价组织',
      number: 'EXP-2',
      achievedOn: '2021-03-02',
    });
  }, 600_000);
  afterAll(() => ctx?.close());

  it('exports a learner’s recognised outcomes: the assumed columns, the ID masked, formulas escaped, a totals sheet and a README saying the columns are assumed', async () => {
    const wb = await workbook(await vhs.get(`/api/learners/${learnerId}/credit-bank-export.xlsx`));
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '国家学分银行学习成果',
      '汇总（按学校和成果类型）',
      '说明',
    ]);
    const [header, row, ...rest] = rowsOf(wb.worksheets[0]!);
    expect(rest).toEqual([]);
    expect(header).toEqual([
      '序号',
      '姓名',
      '证件类型',
      '证件号码（掩码）',
      '学校',
      '专业代码',
      '专业名称',
      '学习成果名称',
      '学习成果类型',
      '等级',
      '证书代码',
      '颁发(认定)机构',
      '获得日期',
      '证书编号',
      '学分',
      '成绩/结果',
      '认定日期',
    ]);
    const full = learnerIdNumber(51);
    expect(row!.slice(0, 4)).toEqual([
      1,
      '学生51',
      '居民身份证',
      `${full.slice(0, 6)}********${full.slice(-4)}`,
    ]);
    expect(JSON.stringify(wb.worksheets.map((w) => rowsOf(w)))).not.toContain(full);
    expect(row![7]).toBe("'=Web 前端开发");
    expect(row!.slice(8, 10)).toEqual(['1+X职业技能等级证书', '中级']);
    expect(row![13]).toBe('EXP-1');
    expect(row![14]).toBe(8.5);
    expect(row![15]).toBe('已认定');
    expect(rowsOf(wb.worksheets[1]!).slice(1)).toEqual([[row![4], '1+X职业技能等级证书', 1, 8.5]]);
    expect(JSON.stringify(rowsOf(wb.worksheets[2]!))).toContain('推定字段');
    const audit = await ctx.db
      .selectFrom('auditLog')
      .select(['details'])
      .where('action', '=', 'learners.export')
      .where('objectType', '=', 'credit_bank_outcome')
      .execute();
    expect(audit).toEqual([{ details: { rows: 1, filter: { learnerId } } }]);
  });

  it('exports the schools in scope for a year; another school’s clerk sees none of them and not the learner (404)', async () => {
    const district = await workbook(await coordinator.get('/api/credit-bank/export.xlsx?year=2021'));
    expect(rowsOf(district.worksheets[0]!)).toHaveLength(2);
    expect(rowsOf(district.worksheets[0]!)[1]![1]).toBe('学生51');
    const before = await workbook(await coordinator.get('/api/credit-bank/export.xlsx?year=2020'));
    expect(rowsOf(before.worksheets[0]!)).toHaveLength(1);
    const other = await workbook(await vec.get('/api/credit-bank/export.xlsx'));
    expect(rowsOf(other.worksheets[0]!)).toHaveLength(1);
    expect((await vec.get(`/api/learners/${learnerId}/credit-bank-export.xlsx`)).statusCode).toBe(404);
    expect((await coordinator.get('/api/credit-bank/export.xlsx?year=20')).statusCode).toBe(400);
  });
});
