import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoContext } from '../../test/test-context.ts';
import { tinyPdf } from '../programs/index.ts';
import { cooperationEvidence, type CooperationModule } from './index.ts';
import {
  agreementBody,
  apprenticeshipBody,
  codeOf,
  createAgreement,
  createCooperationWorld,
  detailsOf,
  uploadPdf,
  type CooperationWorld,
} from './cooperation.test-helpers.ts';

type Agreement = {
  id: string;
  status: string;
  file: { id: string } | null;
  abilities: Record<string, boolean>;
};
type Apprenticeship = {
  id: string;
  state: string;
  stages: Array<{ id: string; completedOn: string | null }>;
  approvalCheck: Array<{ code: string }>;
  abilities: Record<string, boolean>;
  history: Array<{ action: string; comment: string | null; actorName: string; actorUnit: string }>;
};
type Centre = {
  id: string;
  state: string;
  totals: { projects: number; staffTrained: number; valueYuan: number };
};
const agreementOf = (res: { json(): unknown }) => (res.json() as { agreement: Agreement }).agreement;
const apprenticeshipOf = (res: { json(): unknown }) =>
  (res.json() as { apprenticeship: Apprenticeship }).apprenticeship;
const centreOf = (res: { json(): unknown }) => (res.json() as { centre: Centre }).centre;

async function auditActions(w: CooperationWorld, objectId: string) {
  const rows = await w.ctx.db
    .selectFrom('auditLog')
    .select('action')
    .where('objectId', '=', objectId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => r.action);
}

describe('cooperation agreements', () => {
  let w: CooperationWorld;
  beforeAll(async () => {
    w = await createCooperationWorld();
  });
  afterAll(() => w?.ctx.close());

  it('a school records an agreement with its signed copy; the enterprise and the district see it, no one else', async () => {
    const fileId = await uploadPdf(w.vec, 'agreement.pdf');
    const res = await w.vec.post(
      '/api/cooperation-agreements',
      agreementBody(w.units.zhendong, { agreementFileId: fileId, signedOn: '2020-08-20' }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const a = agreementOf(res);
    expect(a).toMatchObject({
      status: 'in_force',
      file: { id: fileId },
      abilities: { edit: true, terminate: true },
    });
    expect(agreementOf(await w.zhendong.get(`/api/cooperation-agreements/${a.id}`)).abilities).toEqual({
      edit: false,
      terminate: false,
    });
    expect((await w.coordinator.get(`/api/cooperation-agreements/${a.id}`)).statusCode).toBe(200);
    expect((await w.vhs.get(`/api/cooperation-agreements/${a.id}`)).statusCode).toBe(404);
    expect((await w.yitong.get(`/api/cooperation-agreements/${a.id}`)).statusCode).toBe(404);
    expect(((await w.hrss.get('/api/cooperation-agreements')).json() as { total: number }).total).toBe(0);
    // The enterprise party downloads the signed copy; another school does not.
    expect((await w.zhendong.get(`/api/files/${fileId}`)).statusCode).toBe(200);
    expect((await w.vhs.get(`/api/files/${fileId}`)).statusCode).toBe(404);
    expect(await auditActions(w, a.id)).toEqual(['cooperation.agreement.created']);
  });

  it('refuses an enterprise’s account, a unit that is not an enterprise and a reversed period, naming the field', async () => {
    const byEnterprise = await w.zhendong.post(
      '/api/cooperation-agreements',
      agreementBody(w.units.zhendong),
    );
    expect([byEnterprise.statusCode, codeOf(byEnterprise)]).toEqual([403, 'COOPERATION_NOT_A_SCHOOL']);
    const notEnterprise = await w.vec.post('/api/cooperation-agreements', agreementBody(w.units.vhs));
    expect(notEnterprise.statusCode).toBe(400);
    expect(detailsOf(notEnterprise)).toEqual([
      {
        field: 'enterpriseId',
        code: 'NOT_AN_ENTERPRISE',
        message: '不是本区企业名录中的企业',
        messageEn: 'Not an enterprise of the district’s register',
      },
    ]);
    const reversed = await w.vec.post(
      '/api/cooperation-agreements',
      agreementBody(w.units.zhendong, { startsOn: '2022-01-01', endsOn: '2021-12-31' }),
    );
    expect(detailsOf(reversed).map((d) => `${d.field}:${d.code}`)).toEqual(['endsOn:PERIOD_REVERSED']);
    const fileWithoutDate = await w.vec.post(
      '/api/cooperation-agreements',
      agreementBody(w.units.zhendong, { agreementFileId: await uploadPdf(w.vec, 'x.pdf') }),
    );
    expect(detailsOf(fileWithoutDate).map((d) => d.field)).toEqual(['signedOn']);
    const othersFile = await w.vec.post(
      '/api/cooperation-agreements',
      agreementBody(w.units.zhendong, {
        agreementFileId: await uploadPdf(w.vhs, 'y.pdf'),
        signedOn: '2020-08-01',
      }),
    );
    expect(detailsOf(othersFile).map((d) => `${d.field}:${d.code}`)).toEqual([
      'agreementFileId:FILE_UNKNOWN',
    ]);
  });

  it('answers a title of spaces only with 400 naming the field, not a server error (review finding)', async () => {
    const blank = await w.vec.post(
      '/api/cooperation-agreements',
      agreementBody(w.units.zhendong, { title: '   ' }),
    );
    expect(blank.statusCode).toBe(400);
    expect(detailsOf(blank).map((d) => `${d.field}:${d.code}`)).toEqual(['title:INVALID']);
  });

  it('terminates with the reason; a terminated agreement is no longer edited', async () => {
    const id = await createAgreement(w.vec, w.units.yitong, { title: '区职教中心—易通集团协议' });
    const noReason = await w.vec.post(`/api/cooperation-agreements/${id}/termination`, {
      terminatedOn: '2021-05-01',
      reason: '',
    });
    expect(noReason.statusCode).toBe(400);
    const byEnterprise = await w.yitong.post(`/api/cooperation-agreements/${id}/termination`, {
      terminatedOn: '2021-05-01',
      reason: '企业转产',
    });
    expect(byEnterprise.statusCode).toBe(403);
    const ended = await w.vec.post(`/api/cooperation-agreements/${id}/termination`, {
      terminatedOn: '2021-05-01',
      reason: '企业转产',
    });
    expect(agreementOf(ended).status).toBe('terminated');
    const edit = await w.vec.put(`/api/cooperation-agreements/${id}`, agreementBody(w.units.yitong));
    expect([edit.statusCode, codeOf(edit)]).toEqual([409, 'COOPERATION_AGREEMENT_INVALID_TRANSITION']);
    const terminated = (await w.vec.get('/api/cooperation-agreements?status=terminated')).json() as {
      total: number;
    };
    expect(terminated.total).toBe(1);
    expect(await auditActions(w, id)).toEqual([
      'cooperation.agreement.created',
      'cooperation.agreement.terminated',
    ]);
  });
});

describe('apprenticeships: school approval, then the enterprise’s', () => {
  let w: CooperationWorld;
  let agreementId: string;
  beforeAll(async () => {
    w = await createCooperationWorld();
    agreementId = await createAgreement(w.vec, w.units.zhendong);
  });
  afterAll(() => w?.ctx.close());

  it('refuses the school’s approval without the training plan, with the reason in both languages', async () => {
    const res = await w.vec.post('/api/apprenticeships', apprenticeshipBody(agreementId, null));
    expect(res.statusCode, res.body).toBe(201);
    const draft = apprenticeshipOf(res);
    expect(draft.approvalCheck.map((c) => c.code)).toEqual(['TRAINING_PLAN_MISSING']);
    const refused = await w.vec.post(`/api/apprenticeships/${draft.id}/school-approval`);
    expect([refused.statusCode, codeOf(refused)]).toEqual([409, 'COOPERATION_APPRENTICESHIP_REFUSED']);
    expect(detailsOf(refused)).toEqual([
      {
        field: 'planFileId',
        code: 'TRAINING_PLAN_MISSING',
        message: '未上传校企共同制定的人才培养方案，不能审批',
        messageEn: 'The training plan made jointly by the school and the enterprise is not on file',
      },
    ]);
    expect(apprenticeshipOf(await w.vec.get(`/api/apprenticeships/${draft.id}`)).state).toBe('draft');
  });

  it('refuses a period outside the agreement’s', async () => {
    const plan = await uploadPdf(w.vec, 'plan.pdf');
    const res = await w.vec.post(
      '/api/apprenticeships',
      apprenticeshipBody(agreementId, plan, { endsOn: '2024-07-15' }),
    );
    const id = apprenticeshipOf(res).id;
    const refused = await w.vec.post(`/api/apprenticeships/${id}/school-approval`);
    expect(refused.statusCode).toBe(409);
    expect(detailsOf(refused).map((d) => d.message)).toEqual([
      '培养期（2020-09-01 至 2024-07-15）超出合作协议期限（2020-09-01 至 2023-08-31）',
    ]);
  });

  it('runs the two-step approval, a return, the stages and the completion, each step in history and audit', async () => {
    const plan = await uploadPdf(w.vec, 'plan.pdf');
    const id = apprenticeshipOf(
      await w.vec.post('/api/apprenticeships', apprenticeshipBody(agreementId, plan)),
    ).id;
    // The enterprise cannot approve before the school, nor the school for the enterprise.
    expect((await w.zhendong.post(`/api/apprenticeships/${id}/enterprise-approval`)).statusCode).toBe(409);
    const school = await w.vec.post(`/api/apprenticeships/${id}/school-approval`);
    expect(apprenticeshipOf(school)).toMatchObject({ state: 'school_approved' });
    expect((await w.vec.post(`/api/apprenticeships/${id}/enterprise-approval`)).statusCode).toBe(403);
    expect((await w.yitong.get(`/api/apprenticeships/${id}`)).statusCode).toBe(404);
    const todos = (await w.zhendong.get('/api/todos?lang=zh')).json() as { items: Array<{ id: string }> };
    expect(todos.items.map((t) => t.id)).toContain(`cooperation:apprenticeship_enterprise_approval:${id}`);
    // The enterprise returns it with the reason; the school approves it again; the enterprise approves.
    const returned = await w.zhendong.post(`/api/apprenticeships/${id}/return`, {
      reason: '请补充企业师傅名单',
    });
    expect(apprenticeshipOf(returned).state).toBe('draft');
    await w.vec.post(`/api/apprenticeships/${id}/school-approval`);
    const approved = apprenticeshipOf(
      await w.zhendong.post(`/api/apprenticeships/${id}/enterprise-approval`),
    );
    expect(approved.state).toBe('approved');
    // The enterprise records progress; the school also records the completion.
    expect(approved.abilities).toMatchObject({ progress: true, complete: false, edit: false });
    expect(apprenticeshipOf(await w.vec.get(`/api/apprenticeships/${id}`)).abilities).toMatchObject({
      progress: true,
      complete: true,
    });
    // Completion waits for every stage.
    const early = await w.vec.post(`/api/apprenticeships/${id}/completion`, {
      completedOn: '2021-05-19',
      completedCount: 29,
      note: '',
    });
    expect(detailsOf(early).map((d) => d.message)).toEqual(['第 1、2 阶段尚未完成']);
    for (const stage of approved.stages) {
      const done = await w.zhendong.post(`/api/apprenticeships/${id}/stage-completion`, {
        stageId: stage.id,
        completedOn: '2021-05-10',
        note: '考核合格',
      });
      expect(done.statusCode, done.body).toBe(200);
    }
    const tooMany = await w.vec.post(`/api/apprenticeships/${id}/completion`, {
      completedOn: '2021-05-19',
      completedCount: 31,
      note: '',
    });
    expect(detailsOf(tooMany).map((d) => d.code)).toEqual(['MORE_THAN_APPRENTICES']);
    const completed = apprenticeshipOf(
      await w.vec.post(`/api/apprenticeships/${id}/completion`, {
        completedOn: '2021-05-19',
        completedCount: 29,
        note: '',
      }),
    );
    expect(completed.state).toBe('completed');
    expect(completed.history.map((h) => h.action)).toEqual([
      'created',
      'school_approved',
      'returned',
      'school_approved',
      'enterprise_approved',
      'stage_completed',
      'stage_completed',
      'completed',
    ]);
    expect(completed.history[2]!.comment).toBe('请补充企业师傅名单');
    // Each step says who took it: the school's account or the enterprise's, by name and unit.
    const accounts = await w.ctx.db
      .selectFrom('appUser')
      .innerJoin('orgUnit', 'orgUnit.id', 'appUser.orgUnitId')
      .select(['appUser.displayName', 'orgUnit.name', 'orgUnit.code'])
      .where('orgUnit.code', 'in', ['SD-VEC', 'SD-ZHENDONG'])
      .execute();
    const by = (code: string) => {
      const a = accounts.find((x) => x.code === code)!;
      return { actorName: a.displayName, actorUnit: a.name };
    };
    const [vec, zhendong] = [by('SD-VEC'), by('SD-ZHENDONG')];
    expect(vec.actorName).not.toBe('');
    expect(completed.history.map(({ actorName, actorUnit }) => ({ actorName, actorUnit }))).toEqual([
      vec,
      vec,
      zhendong,
      vec,
      zhendong,
      zhendong,
      zhendong,
      vec,
    ]);
    // A line keeps the unit its actor acted for: the enterprise's account moved later still reads 振东集团.
    const zhendongUser = await w.ctx.db
      .selectFrom('appUser')
      .innerJoin('orgUnit', 'orgUnit.id', 'appUser.orgUnitId')
      .select(['appUser.id', 'appUser.orgUnitId'])
      .where('orgUnit.code', '=', 'SD-ZHENDONG')
      .executeTakeFirstOrThrow();
    const moveTo = (orgUnitId: string) =>
      w.ctx.db.updateTable('appUser').set({ orgUnitId }).where('id', '=', zhendongUser.id).execute();
    await moveTo(w.units.yitong);
    try {
      const later = apprenticeshipOf(await w.vec.get(`/api/apprenticeships/${id}`));
      expect(later.history.map((h) => h.actorUnit)).toEqual(completed.history.map((h) => h.actorUnit));
    } finally {
      await moveTo(zhendongUser.orgUnitId);
    }
    expect((await auditActions(w, id)).at(-1)).toBe('cooperation.apprenticeship.completed');
    // The enterprise reads the training plan it approved.
    expect((await w.zhendong.get(`/api/files/${plan}`)).statusCode).toBe(200);
  });

  it('refuses a new enterprise apprenticeship under an agreement without staff training', async () => {
    const narrow = await createAgreement(w.vec, w.units.yitong, { scopes: ['internship_training'] });
    const plan = await uploadPdf(w.vec, 'plan2.pdf');
    const id = apprenticeshipOf(
      await w.vec.post('/api/apprenticeships', apprenticeshipBody(narrow, plan, { scheme: 'enterprise' })),
    ).id;
    const refused = await w.vec.post(`/api/apprenticeships/${id}/school-approval`);
    expect(detailsOf(refused).map((d) => `${d.field}:${d.code}`)).toEqual(['agreementId:SCOPE_NOT_COVERED']);
  });

  it('lists the programmes under one agreement, as many as the agreement counts (its page links there)', async () => {
    // A second agreement with the same enterprise: filtering by the enterprise would show both's.
    const other = await createAgreement(w.vec, w.units.zhendong, {
      title: '区职教中心—振东集团第二期合作协议',
    });
    await w.vec.post('/api/apprenticeships', apprenticeshipBody(other, null, { title: '第二期学徒班' }));
    for (const id of [agreementId, other]) {
      const counted = agreementOf(await w.vec.get(`/api/cooperation-agreements/${id}`)) as Agreement & {
        apprenticeships: number;
      };
      const listed = (await w.vec.get(`/api/apprenticeships?agreementId=${id}`)).json() as {
        items: Array<{ agreementId: string }>;
        total: number;
      };
      expect(listed.total).toBe(counted.apprenticeships);
      expect(listed.items.every((a) => a.agreementId === id)).toBe(true);
    }
    const byEnterprise = (
      await w.vec.get(`/api/apprenticeships?enterpriseId=${w.units.zhendong}`)
    ).json() as {
      total: number;
    };
    expect(byEnterprise.total).toBeGreaterThan(1);
  });
});

describe('innovation centres, teaching factories, the plan’s numbers and the certification’s evidence', () => {
  let w: CooperationWorld;
  let centreId: string;
  beforeAll(async () => {
    w = await createCooperationWorld();
  });
  afterAll(() => w?.ctx.close());

  const compute = (name: string, startsOn: string, endsOn: string, today = '2021-05-20') =>
    w.ctx.services.metrics.compute(name, {
      db: w.ctx.db,
      orgUnitId: w.units.district,
      period: { startsOn, endsOn },
      today,
    });

  it('a school records a centre with a partner and its projects; a project with a non-partner is refused', async () => {
    const res = await w.vec.post('/api/cooperation-centres', {
      kind: 'innovation_centre',
      name: '中药制剂应用技术协同创新中心',
      partnerIds: [w.units.zhendong],
      field: '中药制剂',
      openedOn: '2021-03-01',
    });
    expect(res.statusCode, res.body).toBe(201);
    centreId = centreOf(res).id;
    const project = (over: Record<string, unknown>) =>
      w.vec.post(`/api/cooperation-centres/${centreId}/projects`, {
        kind: 'staff_training',
        title: '职工炮制技能培训',
        enterpriseId: null,
        startsOn: '2021-04-01',
        endsOn: null,
        staffTrained: 120,
        studentsTrained: null,
        valueYuan: null,
        note: '',
        ...over,
      });
    const stranger = await project({ enterpriseId: w.units.yitong });
    expect(detailsOf(stranger).map((d) => `${d.field}:${d.code}`)).toEqual(['enterpriseId:NOT_A_PARTNER']);
    const early = await project({ startsOn: '2021-02-01' });
    expect(detailsOf(early).map((d) => d.message)).toEqual(['项目开始日期早于中心成立日期（2021-03-01）']);
    const added = await project({});
    expect(added.statusCode, added.body).toBe(201);
    const withValue = await project({
      kind: 'research',
      title: '提取工艺改进',
      staffTrained: null,
      valueYuan: 850000,
    });
    expect(centreOf(withValue).totals).toEqual({
      projects: 2,
      staffTrained: 120,
      studentsTrained: 0,
      valueYuan: 850000,
    });
    expect((await w.zhendong.get(`/api/cooperation-centres/${centreId}`)).statusCode).toBe(200);
    expect((await w.yitong.get(`/api/cooperation-centres/${centreId}`)).statusCode).toBe(404);
    expect((await w.vhs.get(`/api/cooperation-centres/${centreId}`)).statusCode).toBe(404);
    const byPartner = await w.zhendong.post(`/api/cooperation-centres/${centreId}/closure`, {
      closedOn: '2021-05-01',
      reason: 'x',
    });
    expect(byPartner.statusCode).toBe(403);
  });

  it('counts the centre in operation from its opening, and a teaching factory separately', async () => {
    expect((await compute('cooperation.innovationCentresOperating', '2020-01-01', '2021-02-28')).value).toBe(
      0,
    );
    expect((await compute('cooperation.innovationCentresOperating', '2020-01-01', '2022-12-31')).value).toBe(
      1,
    );
    expect((await compute('cooperation.teachingFactoriesOperating', '2020-01-01', '2022-12-31')).value).toBe(
      0,
    );
    const factory = await w.vhs.post('/api/cooperation-centres', {
      kind: 'teaching_factory',
      name: '数控加工教学工厂',
      partnerIds: [],
      field: '',
      openedOn: '2021-04-01',
    });
    expect(factory.statusCode, factory.body).toBe(201);
    const v = await compute('cooperation.teachingFactoriesOperating', '2020-01-01', '2022-12-31');
    expect([v.value, v.drillDown[0]!.label]).toEqual([1, '数控加工教学工厂（区职业高中，2021-04-01 成立）']);
    expect((await compute('cooperation.staffTrained', '2021-01-01', '2021-12-31')).value).toBe(120);
  });

  it('counts apprenticeships under both schemes only once each scheme has one approved by both parties', async () => {
    const agreementId = await createAgreement(w.vec, w.units.zhendong, {
      agreementFileId: await uploadPdf(w.vec, 'agreement.pdf'),
      signedOn: '2020-08-20',
    });
    const both = () => compute('cooperation.apprenticeshipsUnderBothSchemes', '2020-01-01', '2022-12-31');
    const approve = async (over: Record<string, unknown>) => {
      const plan = await uploadPdf(w.vec, 'plan.pdf');
      const id = apprenticeshipOf(
        await w.vec.post('/api/apprenticeships', apprenticeshipBody(agreementId, plan, over)),
      ).id;
      await w.vec.post(`/api/apprenticeships/${id}/school-approval`);
      return id;
    };
    const modern = await approve({});
    expect((await both()).value).toBe(0);
    await w.zhendong.post(`/api/apprenticeships/${modern}/enterprise-approval`);
    expect((await both()).value).toBe(0);
    const enterprise = await approve({
      scheme: 'enterprise',
      title: '振东集团企业新型学徒制培训班',
      startsOn: '2021-03-01',
      endsOn: '2022-02-28',
      apprenticeCount: 20,
      stages: [{ title: '岗位培养', plannedEndOn: '2022-02-20' }],
    });
    expect((await both()).value).toBe(0);
    await w.zhendong.post(`/api/apprenticeships/${enterprise}/enterprise-approval`);
    const value = await both();
    expect([value.value, value.drillDown.length]).toEqual([1, 2]);
    // Before the enterprise scheme started, only the modern one ran.
    expect(
      (await compute('cooperation.apprenticeshipsUnderBothSchemes', '2020-01-01', '2020-12-31')).value,
    ).toBe(0);
  });

  it('gives the certification the enterprise’s cooperation evidence as of a day', async () => {
    const zhendong = await cooperationEvidence(w.ctx.db, w.units.zhendong, '2021-05-20');
    expect(zhendong).toEqual({
      cooperationSince: '2020-09-01',
      apprenticesByYear: { 2020: 30, 2021: 20 },
      coBuiltCentres: 1,
      staffTrainedByYear: { 2021: 120 },
    });
    expect(await cooperationEvidence(w.ctx.db, w.units.zhendong, '2020-08-31')).toEqual({
      cooperationSince: null,
      apprenticesByYear: {},
      coBuiltCentres: 0,
      staffTrainedByYear: {},
    });
    expect(await cooperationEvidence(w.ctx.db, w.units.yitong, '2021-05-20')).toEqual({
      cooperationSince: null,
      apprenticesByYear: {},
      coBuiltCentres: 0,
      staffTrainedByYear: {},
    });
  });

  it('evidences cooperation only by signed agreements in force and on record on the day, a back-dated one from its signing', async () => {
    const demo = demoContext<CooperationModule>(w.ctx, 'cooperation');
    const username = (
      await w.ctx.db
        .selectFrom('appUser')
        .select('username')
        .where('orgUnitId', '=', w.units.vec)
        .executeTakeFirstOrThrow()
    ).username;
    const vec = await demo.actor(username);
    const since = async (day: string) =>
      (await cooperationEvidence(w.ctx.db, w.units.yitong, day)).cooperationSince;
    const signedCopy = async (day: string, name: string) =>
      (
        await demo.depsAt(day).files.storeUpload(vec, {
          buffer: tinyPdf(['Zhijiao test file', name]),
          filename: `${name}.pdf`,
        })
      ).id;
    const body = agreementBody(w.units.yitong, {
      title: '区职教中心—易通集团校企合作协议',
      startsOn: '2018-09-01',
      endsOn: '2025-08-31',
    }) as Parameters<CooperationModule['agreements']['createAgreement']>[1];
    // Recorded on 2021-05-20 without its signed copy: no evidence, however long it says it runs.
    const unsigned = await demo.at('2021-05-20').agreements.createAgreement(vec, body);
    expect(await since('2021-05-20')).toBeNull();
    // Its signed copy (signed 2018-08-25, it says) is uploaded on 2021-06-10: evidence from then on.
    await demo.at('2021-06-10').agreements.updateAgreement(vec, unsigned.id, {
      ...body,
      agreementFileId: await signedCopy('2021-06-10', '协议扫描件'),
      signedOn: '2018-08-25',
    });
    expect(await since('2021-06-09')).toBeNull();
    expect(await since('2021-06-10')).toBe('2018-09-01');
    // One signed on 2018-03-01 whose period is written to start in 2016: cooperation since its signing.
    await demo.at('2021-06-15').agreements.createAgreement(vec, {
      ...body,
      title: '区职教中心—易通集团职工培训协议',
      startsOn: '2016-01-01',
      agreementFileId: await signedCopy('2021-06-15', '职工培训协议'),
      signedOn: '2018-03-01',
    });
    expect(await since('2021-06-14')).toBe('2018-09-01');
    expect(await since('2021-06-15')).toBe('2018-03-01');
  });

  it('counts the agreements in force as the evidence does: signed with the copy on file, running that day', async () => {
    // Recorded without its signed copy: not in force, however long it says it runs.
    await createAgreement(w.vec, w.units.zhendong, {
      title: '区职教中心—振东集团合作意向',
      startsOn: '2021-01-01',
    });
    const inForce = async (day: string) =>
      (await compute('cooperation.agreementsInForce', '2016-01-01', day, day)).drillDown.map((r) => r.label);
    // 区职教中心—振东集团 (signed 2020-08-20) and the two 易通集团 agreements (signed 2018-08-25 and 2018-03-01).
    expect((await inForce('2021-07-01')).sort()).toEqual(
      [
        '区职教中心—振东集团校企合作协议',
        '区职教中心—易通集团校企合作协议',
        '区职教中心—易通集团职工培训协议',
      ].sort(),
    );
    // Its period started in 2016, it was signed on 2018-03-01: not in force before.
    expect(await inForce('2017-06-01')).toEqual([]);
    expect(await inForce('2018-03-01')).toEqual(['区职教中心—易通集团职工培训协议']);
  });

  it('counts apprentices for the certification only from programmes under a signed agreement on file', async () => {
    const before = (await cooperationEvidence(w.ctx.db, w.units.zhendong, '2021-05-20')).apprenticesByYear;
    expect(before).toEqual({ 2020: 30, 2021: 20 });
    // A programme both parties approve under an agreement recorded without its signed copy.
    const unsigned = await createAgreement(w.vec, w.units.zhendong, {
      title: '区职教中心—振东集团订单培养意向',
      startsOn: '2021-01-01',
    });
    const res = await w.vec.post(
      '/api/apprenticeships',
      apprenticeshipBody(unsigned, await uploadPdf(w.vec, 'plan.pdf'), {
        title: '2021级药剂订单班',
        startsOn: '2021-03-01',
        endsOn: '2022-02-28',
        apprenticeCount: 40,
        stages: [{ title: '岗位培养', plannedEndOn: '2022-02-20' }],
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const id = apprenticeshipOf(res).id;
    expect((await w.vec.post(`/api/apprenticeships/${id}/school-approval`)).statusCode).toBe(200);
    const approved = await w.zhendong.post(`/api/apprenticeships/${id}/enterprise-approval`);
    expect(approved.statusCode, approved.body).toBe(200);
    expect((await cooperationEvidence(w.ctx.db, w.units.zhendong, '2021-05-20')).apprenticesByYear).toEqual(
      before,
    );
  });
});
