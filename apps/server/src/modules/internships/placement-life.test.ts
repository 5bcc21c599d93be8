import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoActor } from '../../demo/demo-actors.ts';
import type { KyselyPlugin } from 'kysely';
import { demoContext, runtimeOf } from '../../test/test-context.ts';
import { createInternshipsServices, type InternshipsModule } from './index.ts';
import {
  codeOf,
  createInternshipWorld,
  detailsOf,
  fileDocuments,
  idNumber,
  moveClock,
  placeStudent,
  publishPost,
  refusalOf,
  uploadPdf,
  type InternshipWorld,
} from './internships.test-helpers.ts';
import { listUnnotifiedInjuries } from './placement-life.repository.ts';

type Incident = {
  id: string;
  kind: string;
  injury: boolean;
  description: string;
  coveredBy: { insurer: string; policyNumber: string } | null;
  insurerNotifiedAt: string | null;
  claimReference: string;
  mayNotifyInsurer: boolean;
  reportedByParty: string;
  files: Array<{ id: string; name: string }>;
};
type Placement = {
  state: string;
  result: string | null;
  incidents: Incident[];
  evaluations: Array<{ party: string; grade: string; comments: string; evaluatedOn: string }>;
  completionCheck: { ok: boolean; refusals: Array<{ code: string; zh: string }> };
  abilities: Record<string, boolean | string | null>;
  events: Array<{ action: string }>;
};

/**
 * A running 岗位实习 of a 区职教中心 student at 振东集团 (2024-03-01 to 2024-08-31, insured to the
 * end), on 2024-05-10: incidents, the insurer's notification, both evaluations and completion.
 */
describe('incidents, evaluations and completion of a placement', () => {
  let w: InternshipWorld;
  let id: string;
  const placementOf = async (client = w.vec) => {
    const res = await client.get(`/api/internship-placements/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { placement: Placement }).placement;
  };
  const injury = (over: Record<string, unknown> = {}) => ({
    occurredAt: '2024-05-08T06:30:00Z',
    kind: 'work_injury',
    severity: 'serious',
    description: '操作压片机时左手食指被夹伤，送医缝合',
    measures: '停机检查设备，加强岗前安全培训',
    ...over,
  });
  const actor = (key: 'vec' | 'yitong') => demoActor(runtimeOf(w.ctx), w.usernames[key]);

  beforeAll(async () => {
    w = await createInternshipWorld('2024-02-20T02:00:00Z');
    const post = await publishPost(w.zhendong, { places: 5 });
    id = await placeStudent(w.vec, post);
    await fileDocuments(w.vec, id);
    expect((await w.vec.post(`/api/internship-placements/${id}/activation`)).statusCode).toBe(200);
    await moveClock(w, '2024-05-10T04:00:00Z');
  });
  afterAll(() => w?.ctx.close());

  it('lets the host enterprise report an injury with a file, keeping the policy that covered the day', async () => {
    const fileId = await uploadPdf(w.zhendong, '诊断证明.pdf');
    const res = await w.zhendong.post(`/api/internship-placements/${id}/incidents`, {
      ...injury(),
      fileIds: [fileId],
    });
    expect(res.statusCode, res.body).toBe(201);
    const [incident] = (res.json() as { placement: Placement }).placement.incidents;
    expect(incident).toMatchObject({
      kind: 'work_injury',
      injury: true,
      coveredBy: { insurer: '中国人民财产保险', policyNumber: `PZBA${id.slice(0, 8)}` },
      insurerNotifiedAt: null,
      reportedByParty: 'enterprise',
      files: [{ id: fileId, name: '诊断证明.pdf' }],
    });
    // The file is read through the placement: its school and enterprise, not another enterprise.
    expect((await w.vec.get(`/api/files/${fileId}`)).statusCode).toBe(200);
    expect((await w.zhendong.get(`/api/files/${fileId}`)).statusCode).toBe(200);
    expect((await w.yitong.get(`/api/files/${fileId}`)).statusCode).toBe(404);
    expect((await w.vhs.get(`/api/files/${fileId}`)).statusCode).toBe(404);
    // The audit row names the incident, not its description (health details).
    const audit = await w.ctx.db
      .selectFrom('auditLog')
      .select(['action', 'details'])
      .where('objectId', '=', id)
      .where('action', '=', 'internships.placement.incident_reported')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.details)).not.toContain('食指');
  });

  it('keeps the student’s papers from the enterprise: no placement document or used file on an incident', async () => {
    const docs = await w.ctx.db
      .selectFrom('internshipPlacement')
      .select(['consentFileId', 'insuranceFileId'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const consent = docs.consentFileId!;
    expect((await w.zhendong.get(`/api/files/${consent}`)).statusCode).toBe(404);
    for (const fileId of [consent, docs.insuranceFileId!]) {
      const res = await w.vec.post(`/api/internship-placements/${id}/incidents`, {
        ...injury({ kind: 'property_loss', severity: 'minor' }),
        fileIds: [fileId],
      });
      expect(refusalOf(res)).toEqual([400, 'VALIDATION_FAILED']);
      expect(detailsOf(res).map((d) => [d.field, d.code])).toEqual([['fileIds.0', 'FILE_UNKNOWN']]);
    }
    // A file of one incident is not attached to another.
    const photo = await uploadPdf(w.vec, '现场照片.pdf');
    const first = await w.vec.post(`/api/internship-placements/${id}/incidents`, {
      ...injury({ kind: 'property_loss', severity: 'minor' }),
      fileIds: [photo],
    });
    expect(first.statusCode, first.body).toBe(201);
    const second = await w.vec.post(`/api/internship-placements/${id}/incidents`, {
      ...injury({ kind: 'property_loss', severity: 'minor' }),
      fileIds: [photo],
    });
    expect(detailsOf(second).map((d) => [d.field, d.code])).toEqual([['fileIds.0', 'FILE_UNKNOWN']]);
    const incidents = await w.ctx.db
      .selectFrom('internshipIncident')
      .select('id')
      .where('placementId', '=', id)
      .orderBy('reportedAt')
      .execute();
    // An older record with the consent form attached to an incident still keeps it from the enterprise.
    await w.ctx.db
      .insertInto('internshipIncidentFile')
      .values({ incidentId: incidents[0]!.id, fileId: consent })
      .execute();
    expect((await w.zhendong.get(`/api/files/${consent}`)).statusCode).toBe(404);
    expect((await w.vec.get(`/api/files/${consent}`)).statusCode).toBe(200);
    await w.ctx.db.deleteFrom('internshipIncidentFile').where('fileId', '=', consent).execute();
    await w.ctx.db.deleteFrom('internshipIncidentFile').where('incidentId', '=', incidents[1]!.id).execute();
    await w.ctx.db.deleteFrom('internshipIncident').where('id', '=', incidents[1]!.id).execute();
  });

  it('makes the injury not reported to the insurer a red alert and a todo of the school, until notified', async () => {
    const alerts = await w.ctx.services.alertSources.collect(await actor('vec'), 'zh', '2024-05-10');
    const mine = alerts.filter((a) => a.kind === 'incident_insurer_not_notified');
    expect(mine.map((a) => [a.tier, a.unit.code, a.dueDate, a.message])).toEqual([
      ['red', 'SD-VEC', '2024-05-08', '2024-05-08 发生工伤，尚未报保险公司（实习责任保险报案、理赔）'],
    ]);
    const todos = await w.ctx.services.todoSources.collect(await actor('vec'), 'zh', '2024-05-10');
    expect(todos.items.filter((t) => t.kind === 'incident_insurer').map((t) => [t.dueDate, t.link])).toEqual([
      ['2024-05-08', `/internships/placements/${id}`],
    ]);
    const other = await w.ctx.services.alertSources.collect(await actor('yitong'), 'zh', '2024-05-10');
    expect(other.filter((a) => a.kind === 'incident_insurer_not_notified')).toEqual([]);
  });

  it('lists the unnotified injuries of a province-sized scope (the unit ids one array parameter)', async () => {
    const vec = await actor('vec');
    const unitIds = [...Array.from({ length: 40_000 }, () => randomUUID()), vec.orgUnitId];
    const rows = await listUnnotifiedInjuries(w.ctx.db, { all: false, unitIds }, 10);
    expect(rows.map((r) => [r.placementId, r.kind])).toEqual([[id, 'work_injury']]);
  });

  it('refuses an incident in the future or outside the period, naming the field', async () => {
    const future = await w.vec.post(
      `/api/internship-placements/${id}/incidents`,
      injury({ occurredAt: '2024-05-10T05:00:00Z' }),
    );
    expect(refusalOf(future)).toEqual([400, 'VALIDATION_FAILED']);
    expect(detailsOf(future)).toEqual([
      {
        field: 'occurredAt',
        code: 'IN_FUTURE',
        message: '事故发生时间不能晚于当前时间',
        messageEn: 'The incident cannot have happened in the future',
      },
    ]);
    const before = await w.vec.post(
      `/api/internship-placements/${id}/incidents`,
      injury({ occurredAt: '2024-02-25T05:00:00Z' }),
    );
    expect(detailsOf(before).map((d) => [d.field, d.code])).toEqual([['occurredAt', 'OUTSIDE_PERIOD']]);
  });

  it('lets the enterprise not record the insurer’s notification of an incident the school reported (403)', async () => {
    const res = await w.vec.post(`/api/internship-placements/${id}/incidents`, {
      ...injury({
        occurredAt: '2024-05-07T02:00:00Z',
        kind: 'accidental_injury',
        description: '搬运时扭伤脚踝',
      }),
    });
    expect(res.statusCode, res.body).toBe(201);
    const incident = (await placementOf(w.zhendong)).incidents.find((i) => i.reportedByParty === 'school')!;
    expect(incident.mayNotifyInsurer).toBe(false);
    const url = `/api/internship-incidents/${incident.id}/insurer-notification`;
    const refused = await w.zhendong.post(url, { notifiedAt: '2024-05-09T09:00:00Z' });
    expect(refusalOf(refused)).toEqual([403, 'FORBIDDEN']);
    const school = await w.vec.post(url, { notifiedAt: '2024-05-09T09:00:00Z' });
    expect(school.statusCode, school.body).toBe(200);
    expect(
      (school.json() as { placement: Placement }).placement.incidents.find((i) => i.id === incident.id),
    ).toMatchObject({ insurerNotifiedAt: '2024-05-09T09:00:00.000Z', mayNotifyInsurer: false });
  });

  it('refuses an ID or phone number in the free text, naming the field', async () => {
    const res = await w.zhendong.post(
      `/api/internship-placements/${id}/incidents`,
      injury({
        description: '学生（身份证号 110105 20060910 001X）手部受伤',
        measures: '已联系家长 13800138000',
        claimReference: '报案人手机 139 1234 5678',
      }),
    );
    expect(refusalOf(res)).toEqual([400, 'VALIDATION_FAILED']);
    expect(detailsOf(res)).toEqual(
      ['description', 'measures', 'claimReference'].map((field) => ({
        field,
        code: 'PERSONAL_DATA',
        message: '请勿填写身份证号、手机号等个人信息',
        messageEn: 'Do not write ID numbers, phone numbers or other personal data here',
      })),
    );
    const ev = await w.vec.put(`/api/internship-placements/${id}/evaluation`, {
      grade: 'good',
      comments: '有事请联系 138-0013-8000',
      evaluatedOn: '2024-05-10',
    });
    expect(detailsOf(ev).map((d) => [d.field, d.code])).toEqual([['comments', 'PERSONAL_DATA']]);
    expect((await placementOf()).evaluations).toEqual([]);
  });

  it('keeps other schools and enterprises out: 404 on a placement they do not see, 403 for a reader', async () => {
    for (const client of [w.yitong, w.vhs]) {
      const res = await client.post(`/api/internship-placements/${id}/incidents`, injury());
      expect(refusalOf(res)).toEqual([404, 'NOT_FOUND']);
      const ev = await client.put(`/api/internship-placements/${id}/evaluation`, {
        grade: 'good',
        evaluatedOn: '2024-05-10',
      });
      expect(refusalOf(ev)).toEqual([404, 'NOT_FOUND']);
    }
    const [incident] = (await placementOf()).incidents;
    const notify = await w.yitong.post(`/api/internship-incidents/${incident!.id}/insurer-notification`, {
      notifiedAt: '2024-05-09T01:00:00Z',
    });
    expect(refusalOf(notify)).toEqual([404, 'NOT_FOUND']);
    // The coordinator sees the placement (and the incident) but is neither party.
    expect((await placementOf(w.coordinator)).incidents).toHaveLength(2);
    const coord = await w.coordinator.put(`/api/internship-placements/${id}/evaluation`, {
      grade: 'good',
      evaluatedOn: '2024-05-10',
    });
    expect(coord.statusCode).toBe(403);
  });

  it('refuses completion with every missing item, in zh and en', async () => {
    const res = await w.vec.post(`/api/internship-placements/${id}/completion`, { note: '' });
    expect(refusalOf(res)).toEqual([409, 'INTERNSHIP_COMPLETION_REFUSED']);
    expect(detailsOf(res)).toEqual([
      {
        field: 'evaluations.enterprise',
        code: 'ENTERPRISE_EVALUATION_MISSING',
        message: '岗位实习须有实习单位（企业指导教师）的考核评价',
        messageEn: 'A 岗位实习 needs the enterprise mentor’s evaluation on file',
      },
      {
        field: 'evaluations.school',
        code: 'SCHOOL_EVALUATION_MISSING',
        message: '缺少学校指导教师的考核评价',
        messageEn: 'The school supervisor’s evaluation is not on file',
      },
      {
        field: 'incidents',
        code: 'INCIDENT_INSURER_NOT_NOTIFIED',
        message: '有 1 起实习伤害事故尚未报保险公司',
        messageEn: '1 injury incident(s) not yet reported to the insurer',
      },
    ]);
    expect((await placementOf()).state).toBe('active');
  });

  it('reads the evaluations once for the page, and the unnotified injuries from the incidents it lists', async () => {
    const selects: string[] = [];
    const counting: KyselyPlugin = {
      transformQuery: (args) => {
        const tables = JSON.stringify(args.node).match(/"internship_?(evaluation|incident)"/gi) ?? [];
        if (args.node.kind === 'SelectQueryNode')
          selects.push(...new Set(tables.map((t) => t.toLowerCase())));
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const deps = demoContext<InternshipsModule>(w.ctx, 'internships').depsAt('2024-05-10');
    const page = await createInternshipsServices({
      ...deps,
      db: deps.db.withPlugin(counting),
    }).placements.getPlacement(await actor('vec'), id);
    expect(page.completionCheck.refusals.map((r) => r.code)).toEqual([
      'ENTERPRISE_EVALUATION_MISSING',
      'SCHOOL_EVALUATION_MISSING',
      'INCIDENT_INSURER_NOT_NOTIFIED',
    ]);
    expect(selects.filter((t) => t.includes('evaluation'))).toHaveLength(1);
    expect(selects.filter((t) => t.includes('incident'))).toHaveLength(1);
  });

  it('records the insurer’s notification once, which ends the alert', async () => {
    const [incident] = (await placementOf()).incidents;
    const url = `/api/internship-incidents/${incident!.id}/insurer-notification`;
    expect(incident!.mayNotifyInsurer).toBe(true);
    expect((await placementOf(w.zhendong)).incidents[0]!.mayNotifyInsurer).toBe(true);
    const early = await w.vec.post(url, { notifiedAt: '2024-05-08T06:00:00Z' });
    expect(detailsOf(early).map((d) => [d.field, d.code])).toEqual([
      ['insurerNotifiedAt', 'BEFORE_INCIDENT'],
    ]);
    const withPhone = await w.vec.post(url, {
      notifiedAt: '2024-05-08T09:00:00Z',
      claimReference: '报案电话 0355-8888 6666',
    });
    expect(detailsOf(withPhone).map((d) => [d.field, d.code])).toEqual([['claimReference', 'PERSONAL_DATA']]);
    expect((await placementOf()).incidents[0]!.insurerNotifiedAt).toBeNull();
    const res = await w.vec.post(url, {
      notifiedAt: '2024-05-08T09:00:00Z',
      claimReference: 'RPCA2024050800123',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as { placement: Placement }).placement.incidents[0]).toMatchObject({
      insurerNotifiedAt: '2024-05-08T09:00:00.000Z',
      claimReference: 'RPCA2024050800123',
    });
    const again = await w.vec.post(url, { notifiedAt: '2024-05-09T09:00:00Z' });
    expect([again.statusCode, detailsOf(again)[0]?.code]).toEqual([409, 'ALREADY_NOTIFIED']);
    const alerts = await w.ctx.services.alertSources.collect(await actor('vec'), 'zh', '2024-05-10');
    expect(alerts.filter((a) => a.kind === 'incident_insurer_not_notified')).toEqual([]);
  });

  it('lets each party write and rewrite its own evaluation, then completes with the overall result', async () => {
    const school = await w.vec.put(`/api/internship-placements/${id}/evaluation`, {
      grade: 'good',
      comments: '能按时完成实习任务',
      evaluatedOn: '2024-05-10',
    });
    expect(school.statusCode, school.body).toBe(200);
    const future = await w.zhendong.put(`/api/internship-placements/${id}/evaluation`, {
      grade: 'excellent',
      evaluatedOn: '2024-05-11',
    });
    expect(detailsOf(future).map((d) => [d.field, d.code])).toEqual([['evaluatedOn', 'IN_FUTURE']]);
    for (const grade of ['pass', 'excellent']) {
      const res = await w.zhendong.put(`/api/internship-placements/${id}/evaluation`, {
        grade,
        comments: '工作认真',
        evaluatedOn: '2024-05-09',
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const before = await placementOf(w.zhendong);
    expect(before.evaluations.map((e) => [e.party, e.grade])).toEqual([
      ['enterprise', 'excellent'],
      ['school', 'good'],
    ]);
    expect(before.completionCheck).toEqual({ ok: true, refusals: [], warnings: [] });
    expect(before.abilities).toMatchObject({ evaluate: true, evaluateAs: 'enterprise', complete: false });
    const enterprise = await w.zhendong.post(`/api/internship-placements/${id}/completion`, { note: '' });
    expect(codeOf(enterprise)).toBe('FORBIDDEN');
    const done = await w.vec.post(`/api/internship-placements/${id}/completion`, { note: '按期完成' });
    expect(done.statusCode, done.body).toBe(200);
    const after = (done.json() as { placement: Placement }).placement;
    expect([after.state, after.result]).toEqual(['completed', 'good']);
    expect(after.abilities).toMatchObject({ evaluate: false, reportIncident: true });
    const late = await w.vec.put(`/api/internship-placements/${id}/evaluation`, {
      grade: 'excellent',
      evaluatedOn: '2024-05-10',
    });
    expect(refusalOf(late)).toEqual([409, 'INTERNSHIP_PLACEMENT_INVALID_TRANSITION']);
    const audit = await w.ctx.db
      .selectFrom('auditLog')
      .select('action')
      .where('objectId', '=', id)
      .where('action', 'like', 'internships.placement.%')
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action).slice(-7)).toEqual([
      'internships.placement.incident_reported',
      'internships.placement.insurer_notified',
      'internships.placement.insurer_notified',
      'internships.placement.evaluated',
      'internships.placement.evaluated',
      'internships.placement.evaluated',
      'internships.placement.completed',
    ]);
  });

  it('takes a minor incident on an ended placement for 30 days after its end, then refuses it', async () => {
    const minor = {
      occurredAt: '2024-05-09T03:00:00Z',
      kind: 'property_loss',
      severity: 'minor',
      description: '实习生不慎损坏一台电子秤',
    };
    const res = await w.zhendong.post(`/api/internship-placements/${id}/incidents`, minor);
    expect(res.statusCode, res.body).toBe(201);
    // The placement ended on 2024-05-10: no alert for an incident that is not an injury.
    const alerts = await w.ctx.services.alertSources.collect(await actor('vec'), 'zh', '2024-05-10');
    expect(alerts.filter((a) => a.kind === 'incident_insurer_not_notified')).toEqual([]);
    await moveClock(w, '2024-06-10T04:00:00Z');
    const late = await w.zhendong.post(`/api/internship-placements/${id}/incidents`, minor);
    expect(refusalOf(late)).toEqual([409, 'INTERNSHIP_PLACEMENT_INVALID_TRANSITION']);
    expect(detailsOf(late).map((d) => d.code)).toEqual(['REPORT_WINDOW_CLOSED']);
  });
});

describe('completing a 认识实习', () => {
  let w: InternshipWorld;
  beforeAll(async () => {
    w = await createInternshipWorld('2024-02-20T02:00:00Z');
  });
  afterAll(() => w?.ctx.close());

  it('needs the school supervisor’s evaluation only', async () => {
    const post = await publishPost(w.zhendong, { kind: 'cognitive', title: '制药车间参观认识实习' });
    const id = await placeStudent(w.vec, post, { studyYear: 1, idNumber: idNumber('2008-03-03', 13) });
    await fileDocuments(w.vec, id);
    expect((await w.vec.post(`/api/internship-placements/${id}/activation`)).statusCode).toBe(200);
    await moveClock(w, '2024-03-05T04:00:00Z');
    const refused = await w.vec.post(`/api/internship-placements/${id}/completion`, { note: '' });
    expect(detailsOf(refused).map((d) => d.code)).toEqual(['SCHOOL_EVALUATION_MISSING']);
    const ev = await w.vec.put(`/api/internship-placements/${id}/evaluation`, {
      grade: 'excellent',
      evaluatedOn: '2024-03-05',
    });
    expect(ev.statusCode, ev.body).toBe(200);
    const done = await w.vec.post(`/api/internship-placements/${id}/completion`, { note: '' });
    expect(done.statusCode, done.body).toBe(200);
    expect((done.json() as { placement: Placement }).placement.result).toBe('excellent');
  });
});
