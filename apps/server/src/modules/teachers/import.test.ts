import ExcelJS from 'exceljs';
import { readExport } from '../../test/read-export.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  multipartFile,
  multipartFileInPieces,
  type Client,
  type TestContext,
} from '../../test/test-context.ts';
import { buildZip } from '../../platform/files/test-zip.ts';
import { badChecksum, errorOf, registerFile, teachersCast, validId } from './teachers-test-helpers.ts';

type Cast = Awaited<ReturnType<typeof teachersCast>>;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const row = (over: Record<string, string | Date> = {}) => ({
  学校代码: 'SD-VHS',
  姓名: '王建国',
  身份证号: validId('1982-04-12', 1),
  性别: '男',
  手机号: '13800138000',
  学历: '本科',
  职称: '讲师',
  岗位: '专业课教师',
  教师类别: '专任教师',
  实习指导教师: '否',
  任教专业: '660104 焊接技术应用；660301',
  入职日期: '2008-09-01',
  专业课任教起始日期: '2008-09-01',
  ...over,
});

describe('importing a school’s register from Excel, and exporting it', () => {
  let ctx: TestContext;
  let cast: Cast;
  let vhs: Client;
  const upload = (client: Client, buffer: Buffer, name = '教师名册.xlsx') =>
    client.request({ method: 'POST', url: '/api/teachers/imports', ...multipartFile(name, buffer, XLSX) });
  const count = async () =>
    Number(
      (
        await ctx.db
          .selectFrom('teacher')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const importAudits = () =>
    ctx.db
      .selectFrom('auditLog')
      .select(['action', 'result', 'details'])
      .where('action', '=', 'teacher.import')
      .orderBy('seq')
      .execute();

  beforeAll(async () => {
    ctx = await createTestContext();
    cast = await teachersCast(ctx);
    vhs = cast.clients.vhs;
  });
  afterAll(() => ctx?.close());

  it('serves a template whose header the import accepts', async () => {
    const res = await vhs.get('/api/teachers/import-template.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('attachment');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const header = (wb.worksheets[0]!.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
      '学校代码',
      '姓名',
      '身份证号',
      '性别',
      '手机号',
      '学历',
      '职称',
      '岗位',
      '教师类别',
      '实习指导教师',
      '任教专业',
      '入职日期',
      '离职日期',
      '专业课任教起始日期',
      '专业课任教截止日期',
    ]);
  });

  it('writes nothing when any row is bad, and lists every problem by row and field', async () => {
    const file = await registerFile([
      row(),
      row({ 姓名: '校验错', 身份证号: badChecksum(validId('1983-01-01', 2)) }),
      row({ 姓名: '重复', 身份证号: validId('1982-04-12', 1) }),
      row({ 姓名: '外校', 学校代码: 'SD-VEC', 身份证号: validId('1984-01-01', 3) }),
      row({ 姓名: '无此校', 学校代码: 'NOPE', 身份证号: validId('1984-01-02', 4) }),
      row({ 姓名: '日期错', 身份证号: validId('1984-01-03', 5), 入职日期: '2008-02-30', 学历: '大学' }),
      row({ 姓名: '性别错', 身份证号: validId('1984-01-04', 6, false), 性别: '男' }),
      row({ 姓名: '', 身份证号: validId('1984-01-05', 7), 专业课任教起始日期: '2001-01-01' }),
    ]);
    const res = await upload(vhs, file);
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).code).toBe('TEACHER_IMPORT_INVALID');
    expect(errorOf(res).details!.map((d) => `${d.row}:${d.field}:${d.code}`)).toEqual([
      '3:idNumber:ID_CHECKSUM',
      '4:idNumber:DUPLICATE',
      '5:schoolCode:SCHOOL_UNKNOWN',
      '6:schoolCode:SCHOOL_UNKNOWN',
      '7:education:VALUE_UNKNOWN',
      '7:hireDate:DATE_INVALID',
      '8:sex:SEX_ID_MISMATCH',
      '9:name:REQUIRED',
    ]);
    expect(errorOf(res).details![0]).toMatchObject({
      message: expect.stringContaining('校验位'),
      messageEn: expect.stringContaining('check character'),
    });
    expect(await count()).toBe(0);
    expect((await importAudits()).map((a) => a.result)).toEqual(['failure']);
    const early = await upload(vhs, await registerFile([row({ 专业课任教起始日期: '2001-01-01' })]));
    expect(errorOf(early).details).toEqual([
      expect.objectContaining({ row: 2, field: 'specialised', code: 'PERIOD_BEFORE_HIRE' }),
    ]);
  });

  it('imports a good file once: the same file again has no effect, a changed row updates that teacher', async () => {
    const file = await registerFile([
      row(),
      row({
        姓名: '李丽华',
        身份证号: validId('1990-10-10', 8, false),
        性别: '',
        教师类别: '企业兼职教师',
        入职日期: new Date(Date.UTC(2020, 8, 1)),
        专业课任教起始日期: '2020/9/1',
        任教专业: '',
      }),
      row({ 姓名: '赵公共', 身份证号: validId('1979-05-05', 9), 专业课任教起始日期: '', 任教专业: '' }),
    ]);
    const first = await upload(vhs, file);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ repeated: false, rows: 3, created: 3, updated: 0, unchanged: 0 });
    const again = await upload(vhs, file, '再次.xlsx');
    expect(again.json()).toMatchObject({ repeated: true, created: 3 });
    expect(await count()).toBe(3);
    const list = (await vhs.get('/api/teachers?limit=500')).json() as {
      items: Array<{
        name: string;
        idMasked: string;
        series: string;
        specialised: boolean;
        majorCodes: string[];
        majors: Array<{ code: string; name: string }>;
        hireDate: string;
      }>;
    };
    // Imported as bare codes, the majors are named from the catalogue.
    expect(list.items.find((t) => t.name === '王建国')?.majors).toEqual([
      { code: '660104', name: '焊接技术应用' },
      { code: '660301', name: '机电技术应用' },
    ]);
    expect(
      list.items.map((t) => [t.name, t.series, t.specialised, t.majorCodes.join(','), t.hireDate]),
    ).toEqual([
      ['李丽华', 'enterprise_part_time', true, '', '2020-09-01'],
      ['王建国', 'full_time', true, '660104,660301', '2008-09-01'],
      ['赵公共', 'full_time', false, '', '2008-09-01'],
    ]);
    const changed = await registerFile([
      row({ 职称: '高级讲师', 专业课任教截止日期: '2021-01-31' }),
      row({ 姓名: '赵公共', 身份证号: validId('1979-05-05', 9), 专业课任教起始日期: '', 任教专业: '' }),
    ]);
    const second = await upload(vhs, changed);
    expect(second.json()).toMatchObject({ repeated: false, rows: 2, created: 0, updated: 1, unchanged: 1 });
    const wang = await ctx.db
      .selectFrom('teacher')
      .select(['id', 'professionalTitle', 'phoneMasked'])
      .where('name', '=', '王建国')
      .executeTakeFirstOrThrow();
    expect(wang).toMatchObject({ professionalTitle: 'associate_senior', phoneMasked: '138****8000' });
    const periods = await ctx.db
      .selectFrom('teacherSpecialisedPeriod')
      .select(['startsOn', 'endsOn'])
      .where('teacherId', '=', wang.id)
      .execute();
    expect(periods).toEqual([{ startsOn: '2008-09-01', endsOn: '2021-01-31' }]);
    expect(
      (await importAudits()).map((a) => [a.result, (a.details as { created?: number }).created ?? null]),
    ).toEqual([
      ['failure', null],
      ['failure', null],
      ['success', 3],
      ['success', 0],
    ]);
  });

  it('refuses what is not an xlsx, and an import by a reader (403)', async () => {
    const pdf = await vhs.request({
      method: 'POST',
      url: '/api/teachers/imports',
      ...multipartFile('名册.xlsx', Buffer.from('%PDF-1.4\n%%EOF\n'), XLSX),
    });
    expect(pdf.statusCode).toBe(400);
    const viewer = await upload(cast.clients.viewer, await registerFile([row()]));
    expect([viewer.statusCode, errorOf(viewer).code]).toEqual([403, 'FORBIDDEN']);
  });

  it('exports the school’s own register without ID numbers or phones, formula cells escaped, audited', async () => {
    await vhs.post('/api/teachers', {
      schoolId: cast.vhsId,
      name: '=HYPERLINK("http://x")',
      idNumber: validId('1981-08-08', 11),
      phone: '13912345678',
      education: 'bachelor',
      professionalTitle: 'none',
      post: '@SUM(A1)',
      series: 'full_time',
      hireDate: '2012-09-01',
    });
    const list = (await vhs.get('/api/teachers')).json() as {
      items: Array<{ name: string; idMasked: string }>;
    };
    const x = await readExport(await vhs.get('/api/teachers/export.xlsx'));
    expect(x.sheetName).toBe('教师名册');
    expect(x.header.slice(0, 3)).toEqual(['学校', '姓名', '性别']);
    expect(x.rows.map((r) => r[1])).toEqual(
      list.items.map((t) => (t.name.startsWith('=') ? `'${t.name}` : t.name)),
    );
    expect(x.rows).toHaveLength(4);
    expect(x.cells).toContain(`'@SUM(A1)`);
    // Majors by name with their code, never a bare code (660301 came without a name: the catalogue's).
    expect(x.cells).toContain('焊接技术应用（660104）；机电技术应用（660301）');
    expect(x.cells.some((c) => c.includes(validId('1981-08-08', 11)) || c.includes('13912345678'))).toBe(
      false,
    );
    expect(x.cells.some((c) => /\d{6}\*{8}[\dX]{4}|\d{3}\*{4}\d{4}/.test(c))).toBe(false);
    expect(x.cells.filter((c) => /^\d{17}[\dX]$/.test(c))).toEqual([]);
    const other = await readExport(await cast.clients.vec!.get('/api/teachers/export.xlsx'));
    expect(other.rows.map((r) => r[1])).not.toContain(`'=HYPERLINK("http://x")`);
    expect(new Set(other.rows.map((r) => r[0])).has(x.rows[0]![0]!)).toBe(false);
    const audit = await ctx.db
      .selectFrom('auditLog')
      .select(['details', 'objectType'])
      .where('action', '=', 'teachers.export')
      .orderBy('seq')
      .execute();
    expect(audit[0]).toEqual(
      expect.objectContaining({ objectType: 'teacher', details: expect.objectContaining({ rows: 4 }) }),
    );
  });
});

describe('importing a register over the size limit', () => {
  let ctx: TestContext;
  let vhs: Client;

  beforeAll(async () => {
    ctx = await createTestContext({ env: { ZHIJIAO_UPLOAD_MAX_MB: '1' } });
    vhs = (await teachersCast(ctx)).clients.vhs;
  });
  afterAll(() => ctx?.close());

  it('answers 413 FILE_TOO_LARGE every time, however the body arrives, and imports nothing', async () => {
    const limit = ctx.config.uploadMaxBytes;
    const xlsx = buildZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'xl/workbook.xml', data: '<workbook/>' },
      { name: 'xl/media/scan.bin', data: Buffer.alloc(limit + 4096, 1), method: 'store' },
    ]);
    const answers = new Set<string>();
    for (let i = 0; i < 5; i++)
      for (const body of [
        multipartFile('教师名册.xlsx', xlsx, XLSX),
        multipartFileInPieces('教师名册.xlsx', xlsx, limit, XLSX),
      ]) {
        const res = await vhs.request({ method: 'POST', url: '/api/teachers/imports', ...body });
        answers.add(`${res.statusCode} ${errorOf(res).code}`);
      }
    expect([...answers]).toEqual(['413 FILE_TOO_LARGE']);
    expect(await ctx.db.selectFrom('teacherImport').select('id').execute()).toEqual([]);
  });
});
