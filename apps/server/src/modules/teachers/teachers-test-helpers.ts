import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import { residentIdCheckChar } from '../../platform/validation/identifiers.ts';
import { createUser, login, seedShangdang, type Client, type TestContext } from '../../test/test-context.ts';

export type Res = { statusCode: number; body: string; json(): unknown };
export const errorOf = (res: Res) =>
  (res.json() as { error: { code: string; details?: Array<Record<string, unknown>> } }).error;

/** A valid 居民身份证号 for a birth date (`YYYY-MM-DD`) and a sequence number. */
export function validId(birth: string, seq: number, male = true): string {
  const s = String((seq * 2 + (male ? 1 : 0)) % 1000).padStart(3, '0');
  const body = `140404${birth.replace(/-/g, '')}${s}`;
  return body + residentIdCheckChar(body);
}

/** The same ID with a wrong check character. */
export function badChecksum(id: string): string {
  const c = id[17] === '0' ? '1' : '0';
  return id.slice(0, 17) + c;
}

let seq = 0;
/** A complete create body for a full-time 专业课 teacher of `schoolId`. */
export function teacherBody(schoolId: string, over: Record<string, unknown> = {}) {
  seq++;
  return {
    schoolId,
    name: `教师${seq}`,
    idNumber: validId('1985-03-0' + ((seq % 9) + 1), seq),
    phone: '138 0013 8000',
    education: 'bachelor',
    professionalTitle: 'intermediate',
    post: '专业课教师',
    series: 'full_time',
    internshipInstructor: false,
    hireDate: '2010-09-01',
    leaveDate: null,
    majors: [{ code: '660104', name: '焊接技术应用' }],
    specialisedPeriods: [{ startsOn: '2010-09-01', endsOn: null }],
    workHistory: [
      {
        employer: '易通集团',
        industry: '装备制造',
        job: '焊工',
        startsOn: '2006-07-01',
        endsOn: '2010-08-31',
      },
    ],
    certificates: [
      {
        kind: 'vocational_qualification',
        name: '焊工',
        level: 'senior',
        issuer: '山西省人社厅',
        certificateNo: '',
        issuedOn: '2009-06-01',
      },
    ],
    practice: [
      { year: 2019, hours: 400, enterprise: '易通集团' },
      { year: 2020, hours: 600, enterprise: '易通集团' },
    ],
    ...over,
  };
}

/** The people of a teachers test: clerks of both vocational schools, the coordinator, a viewer, a bureau clerk. */
export async function teachersCast(ctx: TestContext) {
  await seedShangdang(ctx);
  const users = {
    vhs: await createUser(ctx, 'unit_clerk', 'SD-VHS'),
    vec: await createUser(ctx, 'unit_clerk', 'SD-VEC'),
    coordinator: await createUser(ctx, 'coordinator', 'SD-EDU'),
    viewer: await createUser(ctx, 'viewer', 'SD'),
    hrss: await createUser(ctx, 'unit_clerk', 'SD-HRSS'),
  };
  const clients = {} as Record<keyof typeof users, Client>;
  for (const [k, u] of Object.entries(users)) clients[k as keyof typeof users] = await login(ctx, u.username);
  const unit = async (code: string) =>
    (await ctx.db.selectFrom('orgUnit').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  return { users, clients, vhsId: await unit('SD-VHS'), vecId: await unit('SD-VEC'), unit };
}

/** Creates a teacher through the API and returns its id. */
export async function createTeacher(client: Client, body: Record<string, unknown>): Promise<string> {
  const res = await client.post('/api/teachers', body);
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { teacher: { id: string } }).teacher.id;
}

/** Audit actions on an object, in order. */
export async function auditActions(ctx: TestContext, objectId: string) {
  const rows = await ctx.db
    .selectFrom('auditLog')
    .select('action')
    .where('objectId', '=', objectId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => r.action);
}

/** An .xlsx register file with the template's header and the given rows (cells by header). */
export async function registerFile(
  rows: Array<Record<string, string | Date>>,
  headers?: string[],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('教师名册');
  const cols = headers ?? [
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
  ];
  ws.addRow(cols);
  for (const r of rows) ws.addRow(cols.map((c) => r[c] ?? ''));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
