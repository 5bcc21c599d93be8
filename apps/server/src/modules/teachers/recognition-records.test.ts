import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../test/test-context.ts';
import {
  auditActions,
  createTeacher,
  errorOf,
  teacherBody,
  teachersCast,
  type Res,
} from './teachers-test-helpers.ts';

type Cast = Awaited<ReturnType<typeof teachersCast>>;
const codeOf = (res: Res) => [res.statusCode, errorOf(res).code];

describe('双师型 recognitions recorded by the district, expiry alerts, and the part-time setting', () => {
  let ctx: TestContext;
  let cast: Cast;
  let vhs: Client;
  let vec: Client;
  let coordinator: Client;
  const ratio = async () =>
    (await coordinator.get('/api/dq-ratio?date=2021-05-20')).json() as {
      schools: Array<{ school: { code: string }; numerator: number; denominator: number }>;
    };

  beforeAll(async () => {
    ctx = await createTestContext();
    cast = await teachersCast(ctx);
    ({ vhs, vec, coordinator } = cast.clients);
  });
  afterAll(() => ctx?.close());

  it('records earlier recognitions at district level only, and alerts ahead of expiry (blue) and after it (yellow)', async () => {
    const expiring = await createTeacher(vhs, teacherBody(cast.vhsId, { name: '即将到期' }));
    const expired = await createTeacher(vhs, teacherBody(cast.vhsId, { name: '已过期' }));
    const renewed = await createTeacher(vhs, teacherBody(cast.vhsId, { name: '已续认' }));
    const record = (client: Client, id: string, validFrom: string, validUntil: string) =>
      client.post(`/api/teachers/${id}/recognitions`, {
        level: 'junior',
        certifyingBody: '区教育局',
        recognisedOn: validFrom,
        validFrom,
        validUntil,
      });
    expect(codeOf(await record(vhs, expiring, '2016-07-01', '2021-06-30'))).toEqual([403, 'FORBIDDEN']);
    expect((await record(coordinator, expiring, '2016-07-01', '2021-06-30')).statusCode).toBe(201);
    expect((await record(coordinator, expired, '2016-05-01', '2021-04-30')).statusCode).toBe(201);
    expect((await record(coordinator, renewed, '2016-05-01', '2021-04-30')).statusCode).toBe(201);
    expect((await record(coordinator, renewed, '2021-05-01', '2026-04-30')).statusCode).toBe(201);
    expect(codeOf(await record(coordinator, renewed, '2021-05-01', '2021-04-30'))).toEqual([
      400,
      'TEACHER_DQ_VALIDITY_INVALID',
    ]);
    const alerts = (
      (await vhs.get('/api/alerts')).json() as {
        items: Array<{ source: string; tier: string; title: string; daysLate: number }>;
      }
    ).items.filter((a) => a.source === 'teachers');
    expect(alerts.map((a) => [a.title.split('的')[0], a.tier, a.daysLate])).toEqual([
      ['已过期', 'yellow', 20],
      ['即将到期', 'blue', -41],
    ]);
    const other = ((await vec.get('/api/alerts')).json() as { items: Array<{ source: string }> }).items;
    expect(other.filter((a) => a.source === 'teachers')).toEqual([]);
    expect(
      await auditActions(
        ctx,
        (
          await ctx.db
            .selectFrom('dqRecognition')
            .select('id')
            .where('teacherId', '=', expired)
            .executeTakeFirstOrThrow()
        ).id,
      ),
    ).toEqual(['teacher.dq.recorded']);
  });

  it('counts part-time teachers only once the district records that setting (teacher.review only, audited)', async () => {
    const partTime = await createTeacher(vec, teacherBody(cast.vecId, { series: 'enterprise_part_time' }));
    await coordinator.post(`/api/teachers/${partTime}/recognitions`, {
      level: 'junior',
      certifyingBody: '区教育局',
      recognisedOn: '2020-01-01',
    });
    const vecRow = async () => (await ratio()).schools.find((s) => s.school.code === 'SD-VEC');
    expect(await vecRow()).toBeUndefined();
    const settings = (await coordinator.get('/api/dq-settings')).json() as {
      countPartTime: boolean;
      criteria: unknown;
      abilities: { edit: boolean };
    };
    expect(settings).toMatchObject({ countPartTime: false, abilities: { edit: true } });
    expect(codeOf(await vec.put('/api/dq-settings', { countPartTime: true, criteria: null }))).toEqual([
      403,
      'FORBIDDEN',
    ]);
    const put = await coordinator.put('/api/dq-settings', { countPartTime: true, criteria: null });
    expect(put.statusCode, put.body).toBe(200);
    expect(await vecRow()).toMatchObject({ numerator: 1, denominator: 1 });
    const district = await ctx.db
      .selectFrom('orgUnit')
      .select('id')
      .where('code', '=', 'SD')
      .executeTakeFirstOrThrow();
    const audit = await ctx.db
      .selectFrom('auditLog')
      .select(['action', 'details'])
      .where('objectId', '=', district.id)
      .execute();
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'teacher.settings.updated',
        details: {
          before: { countPartTime: false, criteria: null },
          after: { countPartTime: true, criteria: null },
        },
      }),
    ]);
    await coordinator.put('/api/dq-settings', { countPartTime: false, criteria: null });
  });
});
