import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  createUser,
  login,
  multipartFile,
  type Client,
  type TestContext,
} from '../../test/test-context.ts';
import {
  createTeacher,
  errorOf,
  registerFile,
  teacherBody,
  teachersCast,
  validId,
  type Res,
} from './teachers-test-helpers.ts';

type Cast = Awaited<ReturnType<typeof teachersCast>>;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const codeOf = (res: Res) => [res.statusCode, errorOf(res).code];

/*
 * A clerk's scope is its unit's whole subtree, so a clerk of 区教育局 (SD-EDU, the unit the schools
 * sit under) sees every school's teachers. Keeping a register — changing it, importing it, the
 * clear ID and phone view, applying for 双师型 and the school's review — is the school's own clerk's;
 * the district decides 双师型 through its reviewer (the coordinator), which stays as it was.
 */
describe('a clerk of the bureau above the schools reads teachers but keeps no school’s register', () => {
  let ctx: TestContext;
  let cast: Cast;
  let vhs: Client;
  let bureau: Client;
  const teacherCount = async () =>
    Number(
      (
        await ctx.db
          .selectFrom('teacher')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const auditsOf = (action: string) =>
    ctx.db.selectFrom('auditLog').select(['actorId', 'result']).where('action', '=', action).execute();

  beforeAll(async () => {
    ctx = await createTestContext();
    cast = await teachersCast(ctx);
    vhs = cast.clients.vhs;
    bureau = await login(ctx, (await createUser(ctx, 'unit_clerk', 'SD-EDU')).username);
  });
  afterAll(() => ctx?.close());

  it('sees a school’s teacher, masked, with no ability to keep it', async () => {
    const id = await createTeacher(vhs, teacherBody(cast.vhsId));
    const res = await bureau.get(`/api/teachers/${id}`);
    expect(res.statusCode).toBe(200);
    const { teacher } = res.json() as { teacher: { idMasked: string; abilities: Record<string, boolean> } };
    expect(teacher.idMasked).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    expect(teacher.abilities).toMatchObject({ edit: false, unmask: false, apply: false });
  });

  it('is refused (403) adding, changing and unmasking a school’s teacher, and nothing is written', async () => {
    const body = teacherBody(cast.vhsId);
    const id = await createTeacher(vhs, body);
    const before = await teacherCount();
    expect(codeOf(await bureau.post('/api/teachers', teacherBody(cast.vhsId)))).toEqual([403, 'FORBIDDEN']);
    const put = await bureau.put(`/api/teachers/${id}`, { ...body, schoolId: undefined, name: '改名' });
    expect(codeOf(put)).toEqual([403, 'FORBIDDEN']);
    expect(codeOf(await bureau.post(`/api/teachers/${id}/unmask`))).toEqual([403, 'FORBIDDEN']);
    expect(await teacherCount()).toBe(before);
    const row = await ctx.db
      .selectFrom('teacher')
      .select('name')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.name).toBe(body.name);
    expect(await auditsOf('teacher.pii_view')).toEqual([]);
  });

  it('is refused importing a school’s register: the school is not its to keep, and nothing is written', async () => {
    const before = await teacherCount();
    const file = await registerFile([
      {
        学校代码: 'SD-VHS',
        姓名: '王建国',
        身份证号: validId('1982-04-12', 1),
        性别: '男',
        学历: '本科',
        职称: '讲师',
        岗位: '专业课教师',
        教师类别: '专任教师',
        实习指导教师: '否',
        入职日期: '2008-09-01',
      },
    ]);
    const res = await bureau.request({
      method: 'POST',
      url: '/api/teachers/imports',
      ...multipartFile('教师名册.xlsx', file, XLSX),
    });
    // An import answers row by row (as for a school importing another school's rows): the row's
    // school is named as not the actor's to keep.
    expect(codeOf(res)).toEqual([400, 'TEACHER_IMPORT_INVALID']);
    expect(errorOf(res).details!.map((d) => `${d.row}:${d.field}:${d.code}`)).toEqual([
      '2:schoolCode:SCHOOL_UNKNOWN',
    ]);
    expect(await teacherCount()).toBe(before);
    expect((await auditsOf('teacher.import')).map((a) => a.result)).toEqual(['failure']);
  });

  it('is refused (403) applying for 双师型 and the school’s review; the district still decides', async () => {
    const teacherId = await createTeacher(vhs, teacherBody(cast.vhsId));
    const body = { level: 'intermediate', statement: '申请中级认定' };
    expect(codeOf(await bureau.post(`/api/teachers/${teacherId}/dq-applications`, body))).toEqual([
      403,
      'FORBIDDEN',
    ]);
    const applied = await vhs.post(`/api/teachers/${teacherId}/dq-applications`, body);
    expect(applied.statusCode, applied.body).toBe(201);
    const appId = (applied.json() as { application: { id: string } }).application.id;
    const seen = await bureau.get(`/api/dq-applications/${appId}`);
    expect(
      (seen.json() as { application: { abilities: Record<string, boolean> } }).application.abilities,
    ).toEqual({
      resubmit: false,
      withdraw: false,
      schoolReview: false,
      decide: false,
    });
    const review = await bureau.post(`/api/dq-applications/${appId}/school-review`, { decision: 'pass' });
    expect(codeOf(review)).toEqual([403, 'FORBIDDEN']);
    expect(codeOf(await bureau.post(`/api/dq-applications/${appId}/withdrawal`))).toEqual([403, 'FORBIDDEN']);

    expect(
      (await vhs.post(`/api/dq-applications/${appId}/school-review`, { decision: 'pass' })).statusCode,
    ).toBe(200);
    const decided = await cast.clients.coordinator.post(`/api/dq-applications/${appId}/decision`, {
      decision: 'approve',
      certifyingBody: '区教育局',
      recognisedOn: '2021-05-20',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect((decided.json() as { application: { state: string } }).application.state).toBe('approved');
  });
});
