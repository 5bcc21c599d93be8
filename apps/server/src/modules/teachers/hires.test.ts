import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type Client, type TestContext } from '../../test/test-context.ts';
import { TEACHER_METRICS } from './teachers.metrics.ts';
import {
  auditActions,
  createTeacher,
  errorOf,
  teacherBody,
  teachersCast,
  type Res,
} from './teachers-test-helpers.ts';

type Cast = Awaited<ReturnType<typeof teachersCast>>;
type Hires = {
  summary: { hires: number; compliant: number; exceptions: number; nonCompliant: number };
  items: Array<{
    teacher: { id: string; name: string };
    compliant: boolean;
    reasons: Array<{ code: string }>;
    exception: { reason: string } | null;
    abilities: { grantException: boolean };
  }>;
};
const codeOf = (res: Res) => [res.statusCode, errorOf(res).code];

describe('the recruitment rule over the register, exceptions, and the metrics', () => {
  let ctx: TestContext;
  let cast: Cast;
  let vhs: Client;
  let coordinator: Client;
  const ids = { ok: '', short: '', degree: '', skilled: '', old: '', general: '', partTime: '' };
  const hire = (name: string, over: Record<string, unknown>) =>
    teacherBody(cast.vhsId, {
      name,
      hireDate: '2021-09-01',
      specialisedPeriods: [{ startsOn: '2021-09-01', endsOn: null }],
      ...over,
    });

  beforeAll(async () => {
    ctx = await createTestContext({ now: '2021-12-20T02:00:00Z' });
    cast = await teachersCast(ctx);
    ({ vhs, coordinator } = cast.clients);
    ids.ok = await createTeacher(
      vhs,
      hire('合规', {
        workHistory: [
          {
            employer: '易通集团',
            industry: '装备制造',
            job: '',
            startsOn: '2016-07-01',
            endsOn: '2021-08-31',
          },
        ],
      }),
    );
    ids.short = await createTeacher(
      vhs,
      hire('经历不足', {
        workHistory: [
          { employer: '易通集团', industry: '', job: '', startsOn: '2020-01-01', endsOn: '2021-08-31' },
        ],
      }),
    );
    ids.degree = await createTeacher(
      vhs,
      hire('学历不足', { education: 'secondary_vocational', certificates: [] }),
    );
    ids.skilled = await createTeacher(vhs, hire('高技能', { education: 'senior_high' }));
    ids.old = await createTeacher(
      vhs,
      teacherBody(cast.vhsId, { name: '老教师', education: 'junior_high', workHistory: [] }),
    );
    ids.general = await createTeacher(vhs, hire('公共课', { workHistory: [], specialisedPeriods: [] }));
    ids.partTime = await createTeacher(cast.clients.vec, {
      ...hire('兼职', { workHistory: [] }),
      schoolId: cast.vecId,
      series: 'enterprise_part_time',
    });
  });
  afterAll(() => ctx?.close());

  it('lists the 2020+ 专业课 hires that do not comply with every reason, and nobody else', async () => {
    const all = (await coordinator.get('/api/teacher-hires')).json() as Hires;
    expect(all.summary).toEqual({ hires: 4, compliant: 2, exceptions: 0, nonCompliant: 2 });
    const bad = (await coordinator.get('/api/teacher-hires?compliant=false')).json() as Hires;
    expect(
      bad.items
        .map((i) => [i.teacher.name, i.reasons.map((r) => r.code).join('+'), i.abilities.grantException])
        .sort(),
    ).toEqual([
      ['学历不足', 'DEGREE_TOO_LOW', true],
      ['经历不足', 'ENTERPRISE_YEARS_SHORT', true],
    ]);
    const clerkView = (await vhs.get('/api/teacher-hires?compliant=false')).json() as Hires;
    expect(clerkView.items.every((i) => !i.abilities.grantException)).toBe(true);
    expect(((await cast.clients.vec.get('/api/teacher-hires')).json() as Hires).summary.hires).toBe(0);
  });

  it('records an exception only by the district, with a reason, for a non-compliant hire, once', async () => {
    expect(
      codeOf(await vhs.post(`/api/teachers/${ids.degree}/hire-exception`, { reason: '特殊人才' })),
    ).toEqual([403, 'FORBIDDEN']);
    expect(
      codeOf(await coordinator.post(`/api/teachers/${ids.ok}/hire-exception`, { reason: '无需' })),
    ).toEqual([409, 'TEACHER_HIRE_COMPLIANT']);
    expect(
      codeOf(await coordinator.post(`/api/teachers/${ids.old}/hire-exception`, { reason: '无需' })),
    ).toEqual([409, 'TEACHER_HIRE_RULE_NOT_APPLICABLE']);
    expect(
      codeOf(await coordinator.post(`/api/teachers/${ids.degree}/hire-exception`, { reason: '   ' })),
    ).toEqual([400, 'VALIDATION_FAILED']);
    const granted = await coordinator.post(`/api/teachers/${ids.degree}/hire-exception`, {
      reason: '省级技能大赛一等奖获得者，经区人社局直接考察招聘',
    });
    expect(granted.statusCode, granted.body).toBe(201);
    expect(granted.json()).toMatchObject({
      hire: {
        compliant: false,
        exception: { reason: '省级技能大赛一等奖获得者，经区人社局直接考察招聘' },
        abilities: { grantException: false },
      },
    });
    expect(
      codeOf(await coordinator.post(`/api/teachers/${ids.degree}/hire-exception`, { reason: '再次' })),
    ).toEqual([409, 'TEACHER_HIRE_EXCEPTION_EXISTS']);
    expect(await auditActions(ctx, ids.degree)).toEqual([
      'teacher.created',
      'teacher.hire_exception.granted',
    ]);
    const summary = ((await coordinator.get('/api/teacher-hires')).json() as Hires).summary;
    expect(summary).toEqual({ hires: 4, compliant: 2, exceptions: 1, nonCompliant: 2 });
    const detail = (await vhs.get(`/api/teachers/${ids.degree}`)).json() as {
      teacher: { hireCheck: { applies: boolean; exception: unknown } };
    };
    expect(detail.teacher.hireCheck).toMatchObject({
      applies: true,
      exception: { reason: expect.any(String) },
    });
  });

  it('computes the three metrics for the district with a drill-down per school', async () => {
    const sd = await cast.unit('SD');
    const metric = (name: string, endsOn = '2021-12-31') =>
      ctx.services.metrics.compute(name, {
        db: ctx.db,
        orgUnitId: sd,
        period: { startsOn: '2021-01-01', endsOn },
        today: '2021-12-20',
      });
    await coordinator.post(`/api/teachers/${ids.ok}/recognitions`, {
      level: 'junior',
      certifyingBody: '区教育局',
      recognisedOn: '2021-10-01',
    });
    const share = await metric(TEACHER_METRICS.dualQualifiedShare);
    // Counted on 2021-12-20: the five 专业课 full-time teachers of SD-VHS (not the general-course one, not the part-timer).
    expect(share).toEqual({
      value: 20,
      numerator: 1,
      denominator: 5,
      drillDown: [
        {
          label: '区职业高中',
          value: 20,
          numerator: 1,
          denominator: 5,
          ref: { type: 'org_unit', id: cast.vhsId },
        },
      ],
    });
    expect((await metric(TEACHER_METRICS.dualQualifiedShare, '2021-09-30')).numerator).toBe(0);
    expect(await metric(TEACHER_METRICS.recognisedCount)).toMatchObject({
      value: 1,
      drillDown: [{ value: 1, ref: { type: 'org_unit', id: cast.vhsId } }],
    });
    expect(await metric(TEACHER_METRICS.recruitmentComplianceShare)).toMatchObject({
      value: 75,
      numerator: 3,
      denominator: 4,
      drillDown: [{ label: '区职业高中', value: 75, ref: { type: 'org_unit', id: cast.vhsId } }],
    });
    // The exception was granted on 2021-12-20: as of 30 September the hire still counted against the rule.
    expect(await metric(TEACHER_METRICS.recruitmentComplianceShare, '2021-09-30')).toMatchObject({
      value: 50,
      numerator: 2,
      denominator: 4,
    });
    expect(await metric(TEACHER_METRICS.recruitmentComplianceShare, '2021-06-30')).toMatchObject({
      value: 100,
      denominator: 0,
    });
  });
});
