import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, seedShangdang, type Client, type TestContext } from '../../test/test-context.ts';
import {
  candidateRows,
  candidateXlsx,
  importFile,
  residentId,
  setUpSeason,
  userClient,
  type SeasonFixture,
} from './enrollment.test-helpers.ts';

type Res = { statusCode: number; body: string; json(): unknown };
const errorOf = (res: Res) => (res.json() as { error: { code: string; details?: unknown } }).error;
const problems = (res: Res) =>
  (errorOf(res).details ?? []) as Array<{
    row?: number;
    field: string;
    code: string;
    message: string;
    messageEn: string;
  }>;

describe('enrolment season set-up and candidate import', () => {
  let ctx: TestContext;
  let f: SeasonFixture;
  let clerk: Client;

  beforeAll(async () => {
    ctx = await createTestContext();
    await seedShangdang(ctx);
    f = await setUpSeason(ctx);
    clerk = await userClient(ctx, 'unit_clerk', 'SD-JHS1');
  });
  afterAll(() => ctx?.close());

  it('sets up a season with ordered batches and programs, and audits each step', async () => {
    const res = await f.coordinator.get(`/api/enrollment/seasons/${f.seasonId}`);
    expect(res.statusCode).toBe(200);
    const season = (
      res.json() as {
        season: {
          state: string;
          tieBreak: string[];
          batches: Array<{ code: string; window: string }>;
          programs: Array<{ code: string; reserved: unknown[] }>;
          abilities: { manage: boolean };
        };
      }
    ).season;
    expect(season.state).toBe('open');
    expect(season.tieBreak).toEqual(['math', 'chinese']);
    expect(season.batches.map((b) => [b.code, b.window])).toEqual([
      ['GENERAL', 'not_open'],
      ['VOCATIONAL', 'not_open'],
    ]);
    expect(season.programs.map((p) => p.code)).toEqual(['HS1-GEN', 'VEC-BEAUTY', 'VHS-WELD']);
    expect(season.abilities.manage).toBe(true);
    const actions = (
      await ctx.db.selectFrom('auditLog').select('action').where('action', 'like', 'enrollment.%').execute()
    ).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'enrollment.season.create',
        'enrollment.batch.create',
        'enrollment.program.create',
        'enrollment.candidates.import',
        'enrollment.season.open',
      ]),
    );
  });

  it('refuses a second season for the same year (409) and a tie-break subject that is not a subject, naming the field', async () => {
    const again = await f.coordinator.post('/api/enrollment/seasons', {
      admissionYear: 2021,
      name: 'x',
      subjects: [{ key: 'math', name: '数学' }],
      tieBreak: [],
    });
    expect(again.statusCode).toBe(409);
    expect(errorOf(again).code).toBe('ENROLLMENT_SEASON_EXISTS');
    const bad = await f.coordinator.post('/api/enrollment/seasons', {
      admissionYear: 2022,
      name: 'x',
      subjects: [{ key: 'math', name: '数学' }],
      tieBreak: ['physics'],
    });
    expect(bad.statusCode).toBe(400);
    expect(problems(bad)[0]).toMatchObject({ field: 'tieBreak.0', code: 'SUBJECT_UNKNOWN' });
    expect(problems(bad)[0]!.messageEn).toContain('physics');
  });

  it('refuses programs with the wrong kind of school, reserved seats over quota, an unknown feeder school, or a started window', async () => {
    const res = await f.coordinator.post(`/api/enrollment/seasons/${f.seasonId}/programs`, {
      batchId: f.batches.general,
      code: 'VHS-GEN',
      name: 'x',
      schoolCode: 'SD-VHS',
      track: 'general',
      quota: 1,
      reserved: [{ code: 'R', capacity: 2, schoolCodes: ['SD-JHS1', 'SD-HS1'] }],
    });
    expect(res.statusCode).toBe(400);
    expect(problems(res).map((p) => [p.field, p.code])).toEqual([
      ['schoolCode', 'SCHOOL_TRACK_MISMATCH'],
      ['reserved.0.schoolCodes.1', 'SCHOOL_UNKNOWN'],
      ['reserved', 'RESERVED_OVER_QUOTA'],
    ]);
    ctx.clock.set('2021-06-02T00:00:00Z');
    const late = await f.coordinator.post(`/api/enrollment/seasons/${f.seasonId}/programs`, {
      batchId: f.batches.general,
      code: 'HS1-LATE',
      name: 'x',
      schoolCode: 'SD-HS1',
      track: 'general',
      quota: 1,
    });
    expect(problems(late)[0]).toMatchObject({ field: 'batchId', code: 'BATCH_WINDOW_STARTED' });
    ctx.clock.set('2021-05-20T01:00:00Z');
  });

  it('stores a program whose lowest score is sent as null with no lowest score, not 0', async () => {
    const res = await f.coordinator.post(`/api/enrollment/seasons/${f.seasonId}/programs`, {
      batchId: f.batches.general,
      code: 'HS1-NOMIN',
      name: '不设最低分',
      schoolCode: 'SD-HS1',
      track: 'general',
      quota: 1,
      minScore: null,
    });
    expect(res.statusCode, res.body).toBe(201);
    const row = await ctx.db
      .selectFrom('enrollmentProgram')
      .select('minScore')
      .where('code', '=', 'HS1-NOMIN')
      .executeTakeFirstOrThrow();
    expect(row.minScore).toBeNull();
  });

  it('refuses set-up to a clerk (403) and shows a clerk the season without managing it', async () => {
    expect((await clerk.post(`/api/enrollment/seasons/${f.seasonId}/batches`, {})).statusCode).toBe(403);
    const res = await clerk.get(`/api/enrollment/seasons/${f.seasonId}`);
    expect(res.statusCode).toBe(200);
    expect((res.json() as { season: { abilities: { manage: boolean } } }).season.abilities.manage).toBe(
      false,
    );
  });

  it('stores ID numbers only encrypted and answers them masked', async () => {
    const rows = await ctx.db.selectFrom('enrollmentCandidate').selectAll().execute();
    expect(rows).toHaveLength(5);
    const id = residentId(1, 'M');
    const row = rows.find((r) => r.examNumber === '210001')!;
    expect(row.idCipher).not.toContain(id);
    expect(row.idMasked).toBe(`140421********${id.slice(-4)}`);
    expect(row.total).toBe(325);
    const list = await f.coordinator.get(`/api/enrollment/seasons/${f.seasonId}/candidates`);
    expect(list.body).not.toContain(id);
    expect(list.body).toContain(row.idMasked);
  });

  it('shows a junior high clerk only its own candidates', async () => {
    const list = (await clerk.get(`/api/enrollment/seasons/${f.seasonId}/candidates`)).json() as {
      items: Array<{ examNumber: string; school: { code: string } }>;
    };
    expect(list.items.map((c) => c.examNumber)).toEqual(['210001', '210003', '210005']);
  });

  it('imports the same file twice with one effect, and a re-saved copy changes no candidate', async () => {
    const file = f.file;
    const res = await importFile(f.coordinator, f.seasonId, file);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ repeated: true, rows: 5, created: 5 });
    expect(await ctx.db.selectFrom('enrollmentImport').select('id').execute()).toHaveLength(1);
    const resaved = await candidateXlsx(candidateRows(), undefined, new Date('2021-05-02T00:00:00Z'));
    expect(resaved.equals(file)).toBe(false);
    const again = await importFile(f.coordinator, f.seasonId, resaved, 'other.xlsx');
    expect(again.json()).toMatchObject({ repeated: false, rows: 5, created: 0, updated: 0, unchanged: 5 });
  });

  it('updates a corrected row and leaves identical rows unchanged', async () => {
    const rows = candidateRows();
    rows[4]![8] = 10;
    const res = await importFile(
      f.coordinator,
      f.seasonId,
      await candidateXlsx([...rows, ['210006', '孙六', residentId(6, 'M'), '男', 'SD-JHS2', 90, 90, 90, 0]]),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ repeated: false, rows: 6, created: 1, updated: 1, unchanged: 4 });
    const row = await ctx.db
      .selectFrom('enrollmentCandidate')
      .select('bonus')
      .where('examNumber', '=', '210005')
      .executeTakeFirstOrThrow();
    expect(row.bonus).toBe(10);
  });

  it('refuses a file with bad rows, listing every problem by row and field, and writes nothing', async () => {
    const before = await ctx.db.selectFrom('enrollmentCandidate').select('id').execute();
    const refusals = () =>
      ctx.db
        .selectFrom('auditLog')
        .select('details')
        .where('action', '=', 'enrollment.candidates.import')
        .where('result', '=', 'failure')
        .orderBy('seq')
        .execute();
    const refusedBefore = (await refusals()).length;
    const badId = residentId(7, 'F').slice(0, 17) + (residentId(7, 'F').endsWith('1') ? '2' : '1');
    const res = await importFile(
      f.coordinator,
      f.seasonId,
      await candidateXlsx([
        ['210007', '周七', badId, '女', 'SD-JHS1', 90, 90, 90, 0],
        ['210008', '吴八', residentId(8, 'F'), '男', 'SD-JHS1', 90, 'abc', 90, 0],
        ['210009', '', residentId(9, 'F'), '女', 'SD-HS1', 90, 90, 90, 0],
        ['210009', '郑十', residentId(10, 'M'), '男', 'SD-JHS1', 90, 90, 90, 0],
        ['210011', '冯一', residentId(1, 'M'), '男', 'SD-JHS1', 90, 90, 90, 0],
      ]),
    );
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).code).toBe('ENROLLMENT_IMPORT_INVALID');
    expect(problems(res).map((p) => [p.row, p.field, p.code])).toEqual([
      [2, 'idNumber', 'ID_CHECKSUM'],
      [3, 'sex', 'SEX_ID_MISMATCH'],
      [3, 'scores.math', 'SCORE_INVALID'],
      [4, 'name', 'REQUIRED'],
      [5, 'examNumber', 'DUPLICATE'],
    ]);
    expect(problems(res)[0]!.message).toContain('校验位');
    expect(await ctx.db.selectFrom('enrollmentCandidate').select('id').execute()).toHaveLength(before.length);
    // The refusal is audited (counts and the file's name, no row's content).
    const audited = await refusals();
    expect(audited).toHaveLength(refusedBefore + 1);
    expect(audited.at(-1)!.details).toMatchObject({ problems: 5 });
  });

  it('refuses a file whose columns are missing, a school that is not a junior high, and an ID already registered', async () => {
    const missing = await importFile(
      f.coordinator,
      f.seasonId,
      await candidateXlsx([['1']], ['考号', '姓名']),
    );
    expect(problems(missing).map((p) => p.field)).toContain('idNumber');
    const res = await importFile(
      f.coordinator,
      f.seasonId,
      await candidateXlsx([
        ['210012', '陈二', residentId(12, 'M'), '男', 'SD-HS1', 90, 90, 90, 0],
        ['210013', '褚三', residentId(1, 'M'), '男', 'SD-JHS1', 90, 90, 90, 0],
      ]),
    );
    expect(problems(res).map((p) => [p.row, p.code])).toEqual([[2, 'SCHOOL_UNKNOWN']]);
    const dup = await importFile(
      f.coordinator,
      f.seasonId,
      await candidateXlsx([['210013', '褚三', residentId(1, 'M'), '男', 'SD-JHS1', 90, 90, 90, 0]]),
    );
    expect(problems(dup).map((p) => [p.row, p.code])).toEqual([[2, 'ID_IN_USE']]);
  });

  it('refuses a file that is not an xlsx by its content', async () => {
    const res = await importFile(f.coordinator, f.seasonId, Buffer.from('%PDF-1.4\n%%EOF\n'), 'fake.xlsx');
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).code).toBe('FILE_TYPE_MISMATCH');
  });

  it('offers a template that the importer reads back', async () => {
    const res = await clerk.get(`/api/enrollment/seasons/${f.seasonId}/candidates/template.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getRow(1).values).toEqual([
      undefined,
      '考号',
      '姓名',
      '身份证号',
      '性别',
      '毕业学校代码',
      '语文',
      '数学',
      '英语',
      '政策照顾分',
    ]);
  });
});
