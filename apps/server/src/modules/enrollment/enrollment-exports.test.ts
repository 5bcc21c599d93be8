import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readExport } from '../../test/read-export.ts';
import { createTestContext, seedShangdang, type Client, type TestContext } from '../../test/test-context.ts';
import {
  CANDIDATES,
  residentId,
  runWholeSeason,
  userClient,
  type SeasonFixture,
} from './enrollment.test-helpers.ts';

type Admission = {
  candidateId: string;
  examNumber: string;
  idMasked: string;
  program: { id: string; code: string };
};

describe('the enrolment exports (录取名单, 志愿填报情况 .xlsx)', () => {
  let ctx: TestContext;
  let f: SeasonFixture;
  let jhs1: Client;
  let vhs: Client;
  let hs1: Client;
  const clearIds = CANDIDATES.map(([, , sex], i) => residentId(i + 1, sex));
  const unitId = async (code: string) =>
    (await ctx.db.selectFrom('orgUnit').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  const admissions = async (client: Client, query = '') =>
    (
      (await client.get(`/api/enrollment/seasons/${f.seasonId}/admissions${query}`)).json() as {
        items: Admission[];
      }
    ).items;
  const exportOf = async (client: Client, list: 'admissions' | 'candidates', query = '') => {
    const res = await client.get(`/api/enrollment/seasons/${f.seasonId}/${list}/export.xlsx${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return readExport(res);
  };

  beforeAll(async () => {
    ctx = await createTestContext();
    await seedShangdang(ctx);
    ({ f, jhs1 } = await runWholeSeason(ctx));
    vhs = await userClient(ctx, 'unit_clerk', 'SD-VHS');
    hs1 = await userClient(ctx, 'unit_clerk', 'SD-HS1');
  }, 240_000);
  afterAll(() => ctx?.close());

  it('holds the admitted list 招生办 sees, ID numbers masked as the list shows them and never in clear', async () => {
    const list = await admissions(f.coordinator);
    expect(list.length).toBeGreaterThan(2);
    const x = await exportOf(f.coordinator, 'admissions');
    expect(x.sheetName).toBe('录取名单');
    expect(x.titleBlock[0]).toBe('录取名单 — 区教育局');
    expect(x.titleBlock[1]).toBe('筛选：招生季=2021年上党区高中阶段招生');
    expect(x.header.slice(0, 3)).toEqual(['考号', '姓名', '身份证号（脱敏）']);
    expect(x.rows.map((r) => [r[0], r[2]])).toEqual(list.map((a) => [a.examNumber, a.idMasked]));
    expect(x.rows.every((r) => /^\d{6}\*{8}[\dX]{4}$/.test(r[2]!))).toBe(true);
    for (const id of clearIds) {
      expect(x.cells.some((cell) => cell.includes(id))).toBe(false);
      expect(x.cells.some((cell) => cell.includes(id.slice(6, 14)))).toBe(false);
    }
  });

  it("gives an admitting school its own admitted list only, never another school's", async () => {
    const own = await admissions(vhs);
    const x = await exportOf(vhs, 'admissions');
    expect(x.rows.map((r) => r[0])).toEqual(own.map((a) => a.examNumber));
    expect(x.rows.every((r) => r[5]!.startsWith('区职业高中 '))).toBe(true);
    expect(x.titleBlock[0]).toBe('录取名单 — 区职业高中');
    const hs1Id = await unitId('SD-HS1');
    expect((await exportOf(vhs, 'admissions', `?schoolId=${hs1Id}`)).rows).toEqual([]);
    expect((await exportOf(vhs, 'admissions', `?programId=${f.programs.hs1}`)).rows).toEqual([]);
    const theirs = await exportOf(hs1, 'admissions');
    expect(theirs.rows.length).toBeGreaterThan(0);
    expect(theirs.rows.some((r) => x.rows.some((mine) => mine[0] === r[0]))).toBe(false);
  });

  it('applies the page’s filters (programme, batch, school, registration status) and names them', async () => {
    const weld = await admissions(f.coordinator, `?programId=${f.programs.weld}`);
    const byProgram = await exportOf(f.coordinator, 'admissions', `?programId=${f.programs.weld}`);
    expect(byProgram.rows.map((r) => r[0])).toEqual(weld.map((a) => a.examNumber));
    expect(byProgram.titleBlock[1]).toBe(
      '筛选：招生季=2021年上党区高中阶段招生；招生计划=区职业高中 焊接技术应用',
    );
    const vocational = await exportOf(f.coordinator, 'admissions', `?batchId=${f.batches.vocational}`);
    expect(vocational.rows.every((r) => !r[5]!.startsWith('上党区第一中学'))).toBe(true);
    expect(vocational.titleBlock[1]).toContain('批次=中职批');
    const bySchool = await exportOf(f.coordinator, 'admissions', `?schoolId=${await unitId('SD-HS1')}`);
    expect(bySchool.titleBlock[1]).toContain('招生学校=上党区第一中学');
    expect(bySchool.rows.every((r) => r[5]!.startsWith('上党区第一中学'))).toBe(true);
    const [first] = weld;
    const reg = await vhs.request({
      method: 'PUT',
      url: `/api/enrollment/candidates/${first!.candidateId}/registration`,
      payload: { status: 'registered' },
    });
    expect(reg.statusCode, reg.body).toBe(200);
    const registered = await exportOf(f.coordinator, 'admissions', '?status=registered');
    expect(registered.rows.map((r) => [r[0], r[9]])).toEqual([[first!.examNumber, '已报到']]);
    const pending = await exportOf(f.coordinator, 'admissions', '?status=pending');
    expect(pending.rows.map((r) => r[0])).not.toContain(first!.examNumber);
    expect(pending.rows.length + 1).toBe((await admissions(f.coordinator)).length);
  });

  it('holds the preferences list a junior high sees, with each batch’s choices, IDs masked', async () => {
    const list = (
      (await jhs1.get(`/api/enrollment/seasons/${f.seasonId}/candidates`)).json() as {
        items: Array<{ examNumber: string; idMasked: string }>;
      }
    ).items;
    const x = await exportOf(jhs1, 'candidates');
    expect(x.sheetName).toBe('志愿填报情况');
    const jhsName = (
      await ctx.db
        .selectFrom('orgUnit')
        .select('name')
        .where('code', '=', 'SD-JHS1')
        .executeTakeFirstOrThrow()
    ).name;
    expect(x.titleBlock[0]).toBe(`志愿填报情况 — ${jhsName}`);
    expect(x.rows.map((r) => [r[0], r[2]])).toEqual(list.map((c) => [c.examNumber, c.idMasked]));
    expect(x.rows.map((r) => r[0])).toEqual(
      CANDIDATES.filter((c) => c[3] === 'SD-JHS1').map(([exam]) => exam),
    );
    expect(x.header.slice(-2)).toEqual(['普高批志愿', '中职批志愿']);
    expect(x.rows.every((r) => r[x.header.length - 2] === '1. 上党区第一中学 普通高中')).toBe(true);
    for (const id of clearIds) expect(x.cells.some((cell) => cell.includes(id))).toBe(false);
    const girls = await exportOf(jhs1, 'candidates', '?sex=F&q=210005');
    expect(girls.rows.map((r) => r[0])).toEqual(['210005']);
    expect(girls.titleBlock[1]).toBe('筛选：招生季=2021年上党区高中阶段招生；性别=女；考号或姓名含=210005');
    const all = await exportOf(f.coordinator, 'candidates');
    expect(all.rows).toHaveLength(CANDIDATES.length);
  });

  it('audits every export with its list, row count and filters', async () => {
    await exportOf(vhs, 'admissions', '?status=pending');
    const [last] = await ctx.db
      .selectFrom('auditLog')
      .select(['objectType', 'details'])
      .where('action', '=', 'enrollment.export')
      .orderBy('seq', 'desc')
      .limit(1)
      .execute();
    expect(last).toMatchObject({
      objectType: 'enrollment_admission',
      details: { filter: { seasonId: f.seasonId, status: 'pending' } },
    });
    const kinds = await ctx.db
      .selectFrom('auditLog')
      .select('objectType')
      .where('action', '=', 'enrollment.export')
      .execute();
    expect(new Set(kinds.map((k) => k.objectType))).toEqual(
      new Set(['enrollment_admission', 'enrollment_preference']),
    );
  });
});
