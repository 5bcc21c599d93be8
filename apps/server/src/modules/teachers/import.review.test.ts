import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  createUser,
  login,
  multipartFile,
  type TestContext,
} from '../../test/test-context.ts';
import { errorOf, registerFile, teachersCast, validId } from './teachers-test-helpers.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/*
 * Review probe: keepsVocationalRecords says a junior high keeps no teacher register, and
 * POST /api/teachers refuses one (register.service.ts). The Excel import is another way to write
 * the register; it must refuse a junior high's rows the same way.
 */
describe('review: the register import keeps the vocational-records rule', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await createTestContext();
    await teachersCast(ctx);
  });
  afterAll(() => ctx?.close());

  it('refuses rows of a junior high imported by its own liaison, and writes no teacher', async () => {
    const jhs = await login(ctx, (await createUser(ctx, 'unit_clerk', 'SD-JHS1')).username);
    const file = await registerFile([
      {
        学校代码: 'SD-JHS1',
        姓名: '王建国',
        身份证号: validId('1982-04-12', 1),
        性别: '男',
        手机号: '13800138000',
        学历: '本科',
        职称: '讲师',
        岗位: '专业课教师',
        教师类别: '专任教师',
        实习指导教师: '否',
        任教专业: '',
        入职日期: '2008-09-01',
        专业课任教起始日期: '',
      },
    ]);
    const res = await jhs.request({
      method: 'POST',
      url: '/api/teachers/imports',
      ...multipartFile('教师名册.xlsx', file, XLSX),
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(errorOf(res).details!.map((d) => `${d.row}:${d.field}:${d.code}`)).toEqual([
      '2:schoolCode:SCHOOL_UNKNOWN',
    ]);
    const n = await ctx.db
      .selectFrom('teacher')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(0);
  });
});
