import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildZip } from '../../platform/files/test-zip.ts';
import { residentIdCheckChar } from '../../platform/validation/identifiers.ts';
import { readExport } from '../../test/read-export.ts';
import {
  createTestContext,
  createUser,
  login,
  multipartFile,
  seedShangdang,
  type Client,
  type TestContext,
} from '../../test/test-context.ts';
import { unitsByCodes } from '../org/index.ts';
import { identityColumns } from './learner-columns.ts';
import { insertLearners } from './learners.repository.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADERS = [
  '姓名',
  '身份证号',
  '性别',
  '专业代码',
  '专业名称',
  '班级',
  '入学年份',
  '学籍状态',
  '状态日期',
];

/** A valid 居民身份证号 for a birth date and a sequence number (odd 17th digit: male). */
function validId(birth: string, seq: number, male = true): string {
  const s = String((seq * 2 + (male ? 1 : 0)) % 1000).padStart(3, '0');
  const body = `140421${birth.replace(/-/g, '')}${s}`;
  return body + residentIdCheckChar(body);
}

const row = (over: Record<string, string> = {}) => ({
  姓名: '李明',
  身份证号: validId('2003-05-01', 1),
  性别: '男',
  专业代码: '660301',
  专业名称: '焊接技术应用',
  班级: '2019级1班',
  入学年份: '2019',
  学籍状态: '在籍',
  状态日期: '',
  ...over,
});

async function learnersFile(rows: Array<Record<string, string>>, headers = HEADERS): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('学籍导入');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(headers.map((h) => r[h] ?? ''));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

type Problem = { row: number; field: string; code: string; message: string; messageEn: string };
const errorOf = (res: { json(): unknown }) =>
  (res.json() as { error: { code: string; details?: Problem[] } }).error;

describe('importing students enrolled before Zhijiao into a school’s register (学籍导入), and its export', () => {
  let ctx: TestContext;
  let clients: Record<'vhs' | 'vec' | 'edu' | 'coordinator', Client>;
  let units: Record<'vhs' | 'vec' | 'sd', string>;
  const upload = (client: Client, buffer: Buffer, name = '学籍.xlsx') =>
    client.request({ method: 'POST', url: '/api/learners/imports', ...multipartFile(name, buffer, XLSX) });
  const learners = () =>
    ctx.db
      .selectFrom('learner')
      .select(['id', 'schoolId', 'name', 'status', 'statusSince', 'source', 'idMasked'])
      .orderBy('name')
      .execute();
  const historyOf = (learnerId: string) =>
    ctx.db
      .selectFrom('learnerStatusChange')
      .select(['fromStatus', 'toStatus', 'changedOn', 'reason'])
      .where('learnerId', '=', learnerId)
      .orderBy('seq')
      .execute();
  const audits = (action: string) =>
    ctx.db
      .selectFrom('auditLog')
      .select(['action', 'result', 'details', 'objectId'])
      .where('action', '=', action)
      .orderBy('seq')
      .execute();

  beforeAll(async () => {
    ctx = await createTestContext();
    await seedShangdang(ctx);
    const client = async (role: 'unit_clerk' | 'coordinator', code: string) =>
      login(ctx, (await createUser(ctx, role, code)).username);
    clients = {
      vhs: await client('unit_clerk', 'SD-VHS'),
      vec: await client('unit_clerk', 'SD-VEC'),
      // A clerk of 区教育局, the unit the schools sit under: sees them, keeps none.
      edu: await client('unit_clerk', 'SD-EDU'),
      coordinator: await client('coordinator', 'SD-EDU'),
    };
    const byCode = await unitsByCodes(ctx.db, ['SD', 'SD-VHS', 'SD-VEC']);
    units = { sd: byCode.get('SD')!.id, vhs: byCode.get('SD-VHS')!.id, vec: byCode.get('SD-VEC')!.id };
    // A student 区职业高中 put on its register from 报到 (this season's cohort).
    const now = ctx.clock.now();
    await insertLearners(ctx.db, [
      {
        schoolId: units.vhs,
        districtId: units.sd,
        majorCode: '660301',
        majorName: '焊接技术应用',
        className: '',
        cohortYear: 2020,
        name: '报到生',
        ...identityColumns(ctx.crypto, validId('2005-02-02', 9), '2005-02-02'),
        sex: 'M',
        status: 'enrolled',
        statusSince: '2020-09-01',
        source: 'enrollment',
        enrollmentRegistrationId: randomUUID(),
        createdBy: null,
        createdAt: now,
        updatedAt: now,
      },
    ]);
  });
  afterAll(() => ctx?.close());

  it('serves a template with the headings and one example row, which the import passes over', async () => {
    const res = await clients.vhs.get('/api/learners/import-template');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('attachment');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);
    expect(String(ws.getRow(2).getCell(1).value)).toMatch(/^（示例）/);
    const template = await upload(clients.vhs, res.rawPayload);
    expect([template.statusCode, errorOf(template).details?.[0]?.code]).toEqual([400, 'FILE_NO_ROWS']);
    expect((await clients.coordinator.get('/api/learners/import-template')).statusCode).toBe(403);
  });

  it('writes nothing when any row is bad, and lists every problem by row and column in zh and en', async () => {
    const before = await learners();
    const bad = validId('2004-01-01', 2);
    const file = await learnersFile([
      row(),
      row({ 姓名: '校验错', 身份证号: `${bad.slice(0, 17)}${bad[17] === '0' ? '1' : '0'}` }),
      row({ 姓名: '性别错', 身份证号: validId('2004-01-02', 3, false), 性别: '男' }),
      row({ 姓名: '年份错', 身份证号: validId('2004-01-03', 4), 入学年份: '1995' }),
      row({ 姓名: '未来', 身份证号: validId('2004-01-04', 5), 学籍状态: '毕业', 状态日期: '2022-07-01' }),
      row({ 姓名: '早于入学', 身份证号: validId('2004-01-05', 6), 学籍状态: '退学', 状态日期: '2018-12-31' }),
      row({ 姓名: '重复', 身份证号: validId('2003-05-01', 1) }),
      row({ 姓名: '改过', 身份证号: validId('2005-02-02', 9), 专业代码: '660302' }),
      row({ 姓名: '', 身份证号: '14042120040106', 学籍状态: '结业' }),
      row({ 姓名: '无日期', 身份证号: validId('2004-01-07', 8), 学籍状态: '休学' }),
      row({ 姓名: '太小', 身份证号: validId('2012-01-07', 10), 入学年份: '2020' }),
    ]);
    const res = await upload(clients.vhs, file);
    expect(res.statusCode, res.body).toBe(400);
    const error = errorOf(res);
    expect(error.code).toBe('LEARNER_IMPORT_INVALID');
    expect(error.details!.map((d) => `${d.row}:${d.field}:${d.code}`)).toEqual([
      '3:idNumber:ID_CHECKSUM',
      '4:sex:SEX_ID_MISMATCH',
      '5:cohortYear:YEAR_OUT_OF_RANGE',
      '6:statusDate:DATE_IN_FUTURE',
      '7:statusDate:DATE_BEFORE_COHORT',
      '8:idNumber:DUPLICATE',
      '9:idNumber:LEARNER_EXISTS_DIFFERENT',
      // Every problem of a row at once: its cells' and its ID number's, in the file's column order.
      '10:name:REQUIRED',
      '10:idNumber:ID_FORMAT',
      '10:status:VALUE_UNKNOWN',
      '11:statusDate:REQUIRED',
      '12:cohortYear:YEAR_BEFORE_AGE',
    ]);
    for (const d of error.details!) {
      expect(d.message).toMatch(/[\u4e00-\u9fff]/);
      expect(d.messageEn).toMatch(/[a-z]/);
    }
    expect(error.details!.find((d) => d.code === 'LEARNER_EXISTS_DIFFERENT')!.message).toContain('专业代码');
    expect(await learners()).toEqual(before);
    // The refusal is audited, with no personal data: counts and the file's hash, never an ID or a name.
    const refused = (await audits('learner.import')).at(-1);
    expect(refused).toMatchObject({ result: 'failure', details: { problems: 12 } });
    expect(JSON.stringify(refused)).not.toMatch(/140421\d{11}|李明|学籍\.xlsx/);
  });

  it('imports a file all at once (history from an entry line), and the same file again changes nothing', async () => {
    const file = await learnersFile([
      row(),
      row({
        姓名: '王芳',
        身份证号: validId('2002-03-03', 11, false),
        性别: '',
        学籍状态: '毕业',
        状态日期: '2021-01-15',
      }),
      row({
        姓名: '赵休',
        身份证号: validId('2004-04-04', 12),
        入学年份: '2020',
        学籍状态: '休学',
        状态日期: '2020-06-30',
      }),
      // The student already on the register from 报到, with the same data: skipped.
      row({
        姓名: '报到生',
        身份证号: validId('2005-02-02', 9),
        班级: '',
        入学年份: '2020',
        学籍状态: '在籍',
        状态日期: '2020-09-01',
      }),
    ]);
    const res = await upload(clients.vhs, file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ rows: 4, created: 3, skipped: 1 });
    const rows = await learners();
    const by = (name: string) => rows.find((r) => r.name === name)!;
    expect(by('李明')).toMatchObject({
      schoolId: units.vhs,
      source: 'import',
      status: 'enrolled',
      statusSince: '2019-09-01',
    });
    expect(by('李明').idMasked).toMatch(/^140421\*{8}\d{3}[\dX]$/);
    expect(await historyOf(by('李明').id)).toEqual([
      { fromStatus: null, toStatus: 'enrolled', changedOn: '2019-09-01', reason: '学籍导入' },
    ]);
    expect(await historyOf(by('王芳').id)).toEqual([
      { fromStatus: null, toStatus: 'enrolled', changedOn: '2019-09-01', reason: '学籍导入' },
      { fromStatus: 'enrolled', toStatus: 'graduated', changedOn: '2021-01-15', reason: '学籍导入（毕业）' },
    ]);
    // A status before 1 September of the cohort year: the entry line is on that day too.
    expect(await historyOf(by('赵休').id)).toEqual([
      { fromStatus: null, toStatus: 'enrolled', changedOn: '2020-06-30', reason: '学籍导入' },
      { fromStatus: 'enrolled', toStatus: 'suspended', changedOn: '2020-06-30', reason: '学籍导入（休学）' },
    ]);
    const again = await upload(clients.vhs, file);
    expect(again.json()).toEqual({ rows: 4, created: 0, skipped: 4 });
    expect(await learners()).toEqual(rows);
    const created = await audits('learner.created');
    expect(created).toHaveLength(3);
    expect(created.map((a) => a.details)).toEqual(Array(3).fill({ schoolId: units.vhs, source: 'import' }));
    const imports = (await audits('learner.import')).filter((a) => a.result === 'success');
    expect(imports.map((a) => a.details)).toEqual([
      expect.objectContaining({ rows: 4, created: 3, skipped: 1 }),
      expect.objectContaining({ rows: 4, created: 0, skipped: 4 }),
    ]);
    // (The file's sha256 is hex: the IDs' area code 140421 is what an ID in it would show.)
    expect(JSON.stringify(await audits('learner.import'))).not.toMatch(/140421\d{11}|李明|王芳/);
  });

  it('imports into the clerk’s own school only; 区教育局’s clerk and the coordinator are refused', async () => {
    const file = await learnersFile([row({ 姓名: '李明' })]);
    // The same ID at 区职教中心 is another school's register: its own learner, 区职业高中's untouched.
    const vec = await upload(clients.vec, file);
    expect(vec.json()).toEqual({ rows: 1, created: 1, skipped: 0 });
    const liMing = (await learners()).filter((r) => r.name === '李明');
    expect(liMing.map((r) => r.schoolId).sort()).toEqual([units.vhs, units.vec].sort());
    for (const client of [clients.edu, clients.coordinator]) {
      const res = await upload(
        client,
        await learnersFile([row({ 姓名: '越权', 身份证号: validId('2004-09-09', 20) })]),
      );
      expect([res.statusCode, errorOf(res).code]).toEqual([403, 'FORBIDDEN']);
    }
    expect((await learners()).some((r) => r.name === '越权')).toBe(false);
  });

  it('refuses what is not an xlsx, and a zip bomb, before reading it', async () => {
    const count = (await learners()).length;
    const pdf = await upload(clients.vhs, Buffer.from('%PDF-1.4\n%%EOF\n'));
    expect(pdf.statusCode).toBe(400);
    expect(errorOf(pdf).details![0]!.field).toBe('file');
    const bomb = buildZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'xl/workbook.xml', data: '<workbook/>' },
      {
        name: 'xl/worksheets/sheet1.xml',
        data: Buffer.alloc(4 * 1024 * 1024),
        declaredUncompressedSize: 40_000,
      },
    ]);
    const res = await upload(clients.vhs, bomb);
    expect([res.statusCode, errorOf(res).code, errorOf(res).details![0]!.code]).toEqual([
      400,
      'FILE_REJECTED',
      'ZIP_SIZE_MISMATCH',
    ]);
    const noFile = await clients.vhs.request({ method: 'POST', url: '/api/learners/imports' });
    expect(noFile.statusCode).toBe(400);
    expect((await learners()).length).toBe(count);
  });

  it('exports the register with the list’s scope and filters, ID numbers masked only, audited', async () => {
    const x = await readExport(await clients.vhs.get('/api/learners/export.xlsx'));
    expect(x.sheetName).toBe('学籍名册');
    expect(x.header.slice(0, 4)).toEqual(['学校', '姓名', '身份证号（掩码）', '性别']);
    const own = (await learners()).filter((r) => r.schoolId === units.vhs);
    expect(x.rows.map((r) => r[1]).sort()).toEqual(own.map((r) => r.name).sort());
    expect(x.rows.map((r) => r[2]).sort()).toEqual(own.map((r) => r.idMasked).sort());
    expect(x.cells.filter((c) => /\d{17}[\dX]/.test(c))).toEqual([]);
    expect(x.cells.filter((c) => /\d{4}-\d{2}-\d{2}/.test(c) && c.includes('2003-05-01'))).toEqual([]);
    const graduated = await readExport(await clients.vhs.get('/api/learners/export.xlsx?status=graduated'));
    expect(graduated.rows.map((r) => r[1])).toEqual(['王芳']);
    expect(graduated.titleBlock.join(' ')).toContain('毕业');
    // Another school's clerk exports their own register; the coordinator the district's.
    const vec = await readExport(await clients.vec.get('/api/learners/export.xlsx'));
    expect(vec.rows.map((r) => r[0])).toEqual(['区职教中心']);
    const spoofed = await readExport(
      await clients.vec.get(`/api/learners/export.xlsx?schoolId=${units.vhs}`),
    );
    expect(spoofed.rows).toEqual([]);
    const all = await readExport(await clients.coordinator.get('/api/learners/export.xlsx'));
    expect(all.rows).toHaveLength((await learners()).length);
    const exported = await audits('learners.export');
    expect(exported[0]).toMatchObject({ details: { rows: own.length, filter: {} } });
    expect(exported[1]).toMatchObject({ details: { rows: 1, filter: { status: 'graduated' } } });
  });
});
