import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  createUser,
  login,
  pdfUpload,
  type Client,
  type TestContext,
} from '../../test/test-context.ts';
import {
  auditActions,
  createTeacher,
  errorOf,
  teacherBody,
  teachersCast,
  type Res,
} from './teachers-test-helpers.ts';

type Cast = Awaited<ReturnType<typeof teachersCast>>;
type Application = {
  id: string;
  state: string;
  abilities: Record<string, boolean>;
  events: Array<{ action: string; comment: string | null }>;
  criteria: { eligible: boolean; checks: Array<{ key: string; met: boolean; actual: { zh: string } }> };
  decisionReason: string | null;
  recognition: { validFrom: string; validUntil: string; certifyingBody: string } | null;
  evidence: Array<{ id: string }>;
};
const appOf = (res: Res) => (res.json() as { application: Application }).application;
const codeOf = (res: Res) => [res.statusCode, errorOf(res).code];

describe('双师型 recognition: apply → school review → district decision', () => {
  let ctx: TestContext;
  let cast: Cast;
  let vhs: Client;
  let vec: Client;
  let coordinator: Client;
  const ratio = async () =>
    (await coordinator.get('/api/dq-ratio?date=2021-05-20')).json() as {
      overall: { numerator: number; denominator: number; percent: number };
      schools: Array<{ school: { code: string }; numerator: number; denominator: number }>;
    };
  const apply = (client: Client, teacherId: string, body: Record<string, unknown> = {}) =>
    client.post(`/api/teachers/${teacherId}/dq-applications`, {
      level: 'intermediate',
      statement: '申请中级认定',
      ...body,
    });

  beforeAll(async () => {
    ctx = await createTestContext();
    cast = await teachersCast(ctx);
    ({ vhs, vec, coordinator } = cast.clients);
  });
  afterAll(() => ctx?.close());

  it('takes an application with evidence to approval, records the recognition and moves the ratio', async () => {
    const teacherId = await createTeacher(vhs, teacherBody(cast.vhsId));
    await createTeacher(vhs, teacherBody(cast.vhsId));
    expect((await ratio()).overall).toEqual({ numerator: 0, denominator: 2, percent: 0 });
    const upload = await vhs.request({ method: 'POST', url: '/api/files', ...pdfUpload('企业实践证明.pdf') });
    const fileId = (upload.json() as { id: string }).id;
    const submitted = await apply(vhs, teacherId, { evidenceFileIds: [fileId] });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const app = appOf(submitted);
    expect(app).toMatchObject({
      state: 'submitted',
      evidence: [{ id: fileId }],
      abilities: { schoolReview: true, withdraw: true, decide: false },
    });
    expect(app.criteria.eligible).toBe(true);
    expect(app.criteria.checks.find((c) => c.key === 'practice_hours')).toMatchObject({
      met: true,
      actual: { zh: '1000 小时' },
    });

    const queue = (await vhs.get('/api/dq-applications?state=submitted')).json() as {
      items: Array<{ id: string }>;
    };
    expect(queue.items.map((a) => a.id)).toEqual([app.id]);
    ctx.clock.advance(60_000);
    const passed = await vhs.post(`/api/dq-applications/${app.id}/school-review`, {
      decision: 'pass',
      comment: '材料齐全',
    });
    expect(appOf(passed)).toMatchObject({
      state: 'school_passed',
      abilities: { schoolReview: false, decide: false },
    });
    const districtQueue = (await coordinator.get('/api/dq-applications?state=school_passed')).json() as {
      items: Array<{ id: string; abilities: { decide: boolean } }>;
    };
    expect(districtQueue.items).toEqual([
      expect.objectContaining({ id: app.id, abilities: expect.objectContaining({ decide: true }) }),
    ]);
    ctx.clock.advance(60_000);
    const approved = await coordinator.post(`/api/dq-applications/${app.id}/decision`, {
      decision: 'approve',
      certifyingBody: '长治市上党区教育局',
      recognisedOn: '2021-05-20',
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(appOf(approved)).toMatchObject({
      state: 'approved',
      recognition: {
        certifyingBody: '长治市上党区教育局',
        validFrom: '2021-05-20',
        validUntil: '2026-05-19',
      },
    });
    expect(appOf(approved).events.map((e) => e.action)).toEqual(['submitted', 'school_passed', 'approved']);
    expect(await auditActions(ctx, app.id)).toEqual([
      'teacher.dq.submitted',
      'teacher.dq.school_passed',
      'teacher.dq.approved',
    ]);
    expect((await ratio()).overall).toEqual({ numerator: 1, denominator: 2, percent: 50 });
    const before = (await coordinator.get('/api/dq-ratio?date=2021-05-19')).json() as {
      overall: { numerator: number };
    };
    expect(before.overall.numerator).toBe(0);
    const teacher = (await vhs.get(`/api/teachers/${teacherId}`)).json() as {
      teacher: { dq: unknown; recognitions: unknown[] };
    };
    expect(teacher.teacher.dq).toEqual({ level: 'intermediate', validUntil: '2026-05-19' });
  });

  it('returns with a comment only, lets the school resubmit, and the district refuse only with a reason', async () => {
    const teacherId = await createTeacher(vhs, teacherBody(cast.vhsId));
    const id = appOf(await apply(vhs, teacherId)).id;
    expect(
      codeOf(
        await vhs.post(`/api/dq-applications/${id}/school-review`, { decision: 'return', comment: '  ' }),
      ),
    ).toEqual([400, 'TEACHER_DQ_REASON_REQUIRED']);
    const returned = await vhs.post(`/api/dq-applications/${id}/school-review`, {
      decision: 'return',
      comment: '请补充企业实践证明',
    });
    expect(appOf(returned)).toMatchObject({
      state: 'returned',
      abilities: { resubmit: true, schoolReview: false },
    });
    expect(codeOf(await vhs.post(`/api/dq-applications/${id}/school-review`, { decision: 'pass' }))).toEqual([
      409,
      'TEACHER_DQ_INVALID_TRANSITION',
    ]);
    const again = await vhs.post(`/api/dq-applications/${id}/resubmission`, {
      level: 'junior',
      statement: '已补充',
    });
    expect(appOf(again)).toMatchObject({ state: 'submitted' });
    await vhs.post(`/api/dq-applications/${id}/school-review`, { decision: 'pass' });
    expect(
      codeOf(
        await coordinator.post(`/api/dq-applications/${id}/decision`, { decision: 'refuse', reason: '' }),
      ),
    ).toEqual([400, 'TEACHER_DQ_REASON_REQUIRED']);
    const refused = await coordinator.post(`/api/dq-applications/${id}/decision`, {
      decision: 'refuse',
      reason: '企业实践时长不足',
    });
    expect(appOf(refused)).toMatchObject({ state: 'refused', recognition: null });
    expect(appOf(refused).events.map((e) => `${e.action}:${e.comment ?? ''}`)).toEqual([
      'submitted:',
      'returned:请补充企业实践证明',
      'resubmitted:',
      'school_passed:',
      'refused:企业实践时长不足',
    ]);
    expect(
      codeOf(
        await coordinator.post(`/api/dq-applications/${id}/decision`, {
          decision: 'approve',
          certifyingBody: 'x',
          recognisedOn: '2021-05-20',
        }),
      ),
    ).toEqual([409, 'TEACHER_DQ_INVALID_TRANSITION']);
    expect(
      await ctx.db.selectFrom('dqRecognition').select('id').where('teacherId', '=', teacherId).execute(),
    ).toEqual([]);
  });

  it('serves evidence to those who read the application, 404 to the inspector (no teacher.read) and other schools', async () => {
    const teacherId = await createTeacher(vhs, teacherBody(cast.vhsId));
    const upload = await vhs.request({ method: 'POST', url: '/api/files', ...pdfUpload('职称证书.pdf') });
    const fileId = (upload.json() as { id: string }).id;
    expect((await apply(vhs, teacherId, { evidenceFileIds: [fileId] })).statusCode).toBe(201);
    const inspector = await login(ctx, (await createUser(ctx, 'inspector', 'SD-EDU')).username);
    const download = async (client: Client) => (await client.get(`/api/files/${fileId}`)).statusCode;
    expect(await download(vhs)).toBe(200);
    expect(await download(coordinator)).toBe(200);
    expect(await download(cast.clients.viewer)).toBe(200);
    expect(await download(inspector)).toBe(404);
    expect(await download(vec)).toBe(404);
    expect(await download(cast.clients.hrss)).toBe(404);
  });

  it('refuses illegal steps: district before school (409), clerk deciding (403), coordinator reviewing for the school (403), another school (404)', async () => {
    const teacherId = await createTeacher(vhs, teacherBody(cast.vhsId));
    const id = appOf(await apply(vhs, teacherId)).id;
    const early = await coordinator.post(`/api/dq-applications/${id}/decision`, {
      decision: 'approve',
      certifyingBody: '区教育局',
      recognisedOn: '2021-05-20',
    });
    expect(codeOf(early)).toEqual([409, 'TEACHER_DQ_INVALID_TRANSITION']);
    expect(
      codeOf(
        await vhs.post(`/api/dq-applications/${id}/decision`, {
          decision: 'approve',
          certifyingBody: '区教育局',
          recognisedOn: '2021-05-20',
        }),
      ),
    ).toEqual([403, 'FORBIDDEN']);
    expect(
      codeOf(await coordinator.post(`/api/dq-applications/${id}/school-review`, { decision: 'pass' })),
    ).toEqual([403, 'FORBIDDEN']);
    // Who may not take the step is told so before anything about what they sent: 区教育局's clerk
    // sees the school's application but does not review for it, an empty comment or not.
    const edu = await login(ctx, (await createUser(ctx, 'unit_clerk', 'SD-EDU')).username);
    expect((await edu.get(`/api/dq-applications/${id}`)).statusCode).toBe(200);
    for (const body of [
      { decision: 'return', comment: '' },
      { decision: 'return', comment: '材料不全' },
    ])
      expect(codeOf(await edu.post(`/api/dq-applications/${id}/school-review`, body))).toEqual([
        403,
        'FORBIDDEN',
      ]);
    expect(codeOf(await cast.clients.viewer.post(`/api/dq-applications/${id}/withdrawal`))).toEqual([
      403,
      'FORBIDDEN',
    ]);
    for (const res of [
      await vec.get(`/api/dq-applications/${id}`),
      await vec.post(`/api/dq-applications/${id}/school-review`, { decision: 'pass' }),
      await vec.post(`/api/dq-applications/${id}/withdrawal`),
      await apply(vec, teacherId),
    ])
      expect(codeOf(res)).toEqual([404, 'NOT_FOUND']);
    expect(codeOf(await apply(vhs, teacherId))).toEqual([409, 'TEACHER_DQ_APPLICATION_OPEN']);
    expect(appOf(await vhs.post(`/api/dq-applications/${id}/withdrawal`)).state).toBe('withdrawn');
    expect(codeOf(await vhs.post(`/api/dq-applications/${id}/withdrawal`))).toEqual([
      409,
      'TEACHER_DQ_INVALID_TRANSITION',
    ]);
    expect((await apply(vhs, teacherId)).statusCode).toBe(201);
    const rows = await ctx.db
      .selectFrom('dqApplication')
      .select('state')
      .where('teacherId', '=', teacherId)
      .orderBy('submittedAt')
      .execute();
    expect(rows.map((r) => r.state).sort()).toEqual(['submitted', 'withdrawn']);
  });

  it('refuses evidence of another unit and applications for a teacher who has left', async () => {
    const teacherId = await createTeacher(vhs, teacherBody(cast.vhsId));
    const upload = await vec.request({ method: 'POST', url: '/api/files', ...pdfUpload('别校.pdf') });
    const foreign = (upload.json() as { id: string }).id;
    const res = await apply(vhs, teacherId, { evidenceFileIds: [foreign] });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).details).toEqual([
      expect.objectContaining({ field: 'evidenceFileIds.0', code: 'FILE_UNKNOWN' }),
    ]);
    // A bureau clerk whose scope spans both schools applies for neither (only a school's own clerk
    // does), so it cannot pass one school's file on through an application of the other either.
    const bureau = await login(ctx, (await createUser(ctx, 'unit_clerk', 'SD-EDU')).username);
    const viaBureau = await apply(bureau, teacherId, { evidenceFileIds: [foreign] });
    expect(codeOf(viaBureau)).toEqual([403, 'FORBIDDEN']);
    const gone = await createTeacher(vhs, teacherBody(cast.vhsId, { leaveDate: '2021-01-01' }));
    expect(codeOf(await apply(vhs, gone))).toEqual([409, 'TEACHER_LEFT']);
  });

  it('shows the reviewer each criterion met or not, checked live against the record', async () => {
    const teacherId = await createTeacher(
      vhs,
      teacherBody(cast.vhsId, {
        practice: [],
        hireDate: '2019-09-01',
        specialisedPeriods: [{ startsOn: '2019-09-01', endsOn: null }],
      }),
    );
    const app = appOf(await apply(vhs, teacherId, { level: 'senior' }));
    expect(app.criteria.eligible).toBe(false);
    expect(Object.fromEntries(app.criteria.checks.map((c) => [c.key, c.met]))).toEqual({
      teaching_years: false,
      practice_hours: false,
      enterprise_years: false,
      certificate: false,
      title: false,
      recognition: false,
    });
    const detail = (await coordinator.get(`/api/dq-applications/${app.id}`)).json() as {
      application: { criteriaSource: string };
    };
    expect(detail.application.criteriaSource).toContain('教师厅〔2022〕2号');
    // The basis once, with no second “依据：” and no talk of placeholder numbers or of a screen.
    expect(detail.application.criteriaSource).not.toMatch(/^依据|占位|认定设置/);

    // Approving although the criteria are not all met needs a written reason, kept and audited.
    await vhs.post(`/api/dq-applications/${app.id}/school-review`, { decision: 'pass' });
    const approval = { decision: 'approve', certifyingBody: '区教育局', recognisedOn: '2021-05-20' };
    const bare = await coordinator.post(`/api/dq-applications/${app.id}/decision`, approval);
    expect([...codeOf(bare), (errorOf(bare).details as Array<{ field: string }>)[0]!.field]).toEqual([
      400,
      'TEACHER_DQ_REASON_REQUIRED',
      'reason',
    ]);
    const reason = '该教师长期承担实训教学，企业实践证明正在补办，经区认定委员会研究同意认定';
    const approved = await coordinator.post(`/api/dq-applications/${app.id}/decision`, {
      ...approval,
      reason,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(appOf(approved)).toMatchObject({ state: 'approved', decisionReason: reason });
    expect(appOf(approved).events.at(-1)).toMatchObject({ action: 'approved', comment: reason });
    const audit = await ctx.db
      .selectFrom('auditLog')
      .select('details')
      .where('objectId', '=', app.id)
      .where('action', '=', 'teacher.dq.approved')
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ comment: reason, criteriaMet: false });
  });
});
