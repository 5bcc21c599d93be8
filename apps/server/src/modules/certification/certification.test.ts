import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { districtMetric } from '../../test/test-context.ts';
import { bindUseCases } from '../../platform/modules/use-cases.ts';
import * as applications from './applications.service.ts';
import { CERTIFICATION_METRICS } from './certification.metrics.ts';
import type { EvidenceLookups } from './certification.deps.ts';
import { createCertificationTodos } from './certification.todos.ts';
import {
  createCertificationWorld,
  PANEL,
  registerNotAboveScale,
  signAll,
  WIRED,
  type CertificationWorld,
} from './certification.test-helpers.ts';

type Res = { statusCode: number; body: string; json(): unknown };
const errorOf = (res: Res) =>
  (
    res.json() as {
      error: { code: string; details?: Array<{ field: string; message: string; messageEn: string }> };
    }
  ).error;
type Application = {
  id: string;
  state: string;
  opinionsGiven: number;
  panelSize: number;
  evaluation: {
    measuredNow: boolean;
    evaluation: {
      eligible: boolean;
      results: Array<{ key: string; met: boolean; measured: boolean; actual: { zh: string } }>;
    };
  };
  abilities: Record<string, boolean>;
};
const appOf = (res: Res) => (res.json() as { application: Application }).application;

describe('certification applications (an enterprise with no cooperation on record)', () => {
  let w: CertificationWorld;
  let id: string;
  beforeAll(async () => {
    w = await createCertificationWorld();
  }, 180_000);
  afterAll(() => w?.ctx.close());

  it('an enterprise applies for itself; the criteria are measured from the records, cooperation unmet with none on file', async () => {
    const res = await w.clients.yitong.post('/api/certification/applications', {
      year: 2021,
      statement: '申请认定',
    });
    expect(res.statusCode, res.body).toBe(201);
    const app = appOf(res);
    id = app.id;
    expect([app.state, app.opinionsGiven, app.panelSize]).toEqual(['submitted', 0, 7]);
    expect(app.evaluation.measuredNow).toBe(true);
    const coop = app.evaluation.evaluation.results.find((r) => r.key === 'cooperation_years')!;
    expect(coop).toMatchObject({ met: false, measured: true });
    expect(app.evaluation.evaluation.results.find((r) => r.key === 'long_interns')!.measured).toBe(true);
    expect(app.evaluation.evaluation.eligible).toBe(false);
    const audit = await w.ctx.db.selectFrom('auditLog').select('action').where('objectId', '=', id).execute();
    expect(audit.map((a) => a.action)).toContain('certification.application.applied');
  });

  it('refuses a second application of the year, a school applying, and another enterprise reading it', async () => {
    const again = await w.clients.yitong.post('/api/certification/applications', { year: 2021 });
    expect([again.statusCode, errorOf(again).code]).toEqual([409, 'CERTIFICATION_ALREADY_APPLIED']);
    expect(errorOf(again).details![0]!.field).toBe('year');
    const school = await w.clients.vhs.post('/api/certification/applications', { year: 2021 });
    expect([school.statusCode, errorOf(school).code]).toEqual([403, 'CERTIFICATION_NOT_APPLICANT']);
    expect((await w.clients.zhendong.get(`/api/certification/applications/${id}`)).statusCode).toBe(404);
    const list = await w.clients.zhendong.get('/api/certification/applications');
    expect((list.json() as { items: unknown[] }).items).toHaveLength(0);
    // 区工信局 applies for 振东集团; a bureau of the panel reads the district's applications.
    const forZhendong = await w.clients.iit.post('/api/certification/applications', {
      enterpriseId: w.units.zhendong,
      year: 2021,
    });
    expect(forZhendong.statusCode, forZhendong.body).toBe(201);
    const seen = await w.clients.tax.get('/api/certification/applications');
    expect((seen.json() as { items: unknown[] }).items).toHaveLength(2);
    const notEnterprise = await w.clients.iit.post('/api/certification/applications', {
      enterpriseId: w.units.vhs,
      year: 2021,
    });
    expect([notEnterprise.statusCode, errorOf(notEnterprise).details![0]!.field]).toEqual([
      400,
      'enterpriseId',
    ]);
    const pastYear = await w.clients.zhendong.post('/api/certification/applications', { year: 2020 });
    expect(pastYear.statusCode, pastYear.body).toBe(400);
    expect(errorOf(pastYear).details![0]).toMatchObject({
      field: 'year',
      message: '申报年度 2020 早于今年（2021）：只能申报本年度',
      messageEn: 'The year 2020 is before this year (2021): an application is for the current year only',
    });
  });

  it('the certifying bureau cannot decide before every bureau signs; an enterprise cannot sign', async () => {
    const early = await w.clients.drc.post(`/api/certification/applications/${id}/certification`, {
      note: '',
    });
    expect([early.statusCode, errorOf(early).code]).toEqual([409, 'CERTIFICATION_OPINIONS_MISSING']);
    expect(errorOf(early).details).toHaveLength(7);
    expect(errorOf(early).details![0]!.message).toContain('尚未填写会签意见');
    const own = await w.clients.yitong.put(`/api/certification/applications/${id}/opinion`, {
      opinion: 'agree',
    });
    expect([own.statusCode, errorOf(own).code]).toEqual([403, 'CERTIFICATION_NOT_PANEL']);
    const noReason = await w.clients.tax.put(`/api/certification/applications/${id}/opinion`, {
      opinion: 'disagree',
    });
    expect([noReason.statusCode, errorOf(noReason).details![0]!.field]).toEqual([400, 'comment']);
    const byPanel = await w.clients.finance.post(`/api/certification/applications/${id}/certification`, {});
    expect([byPanel.statusCode, errorOf(byPanel).code]).toEqual([403, 'CERTIFICATION_NOT_AUTHORITY']);
    const refusedByEnterprise = await w.clients.yitong.post(`/api/certification/applications/${id}/refusal`, {
      reason: '自行撤回',
    });
    expect([refusedByEnterprise.statusCode, errorOf(refusedByEnterprise).code]).toEqual([
      403,
      'CERTIFICATION_NOT_AUTHORITY',
    ]);
  });

  it('with every bureau agreeing, certification is still refused while a criterion is unmet', async () => {
    for (const account of PANEL) {
      const res = await w.clients[account].put(`/api/certification/applications/${id}/opinion`, {
        opinion: 'agree',
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const res = await w.clients.drc.post(`/api/certification/applications/${id}/certification`, {});
    expect([res.statusCode, errorOf(res).code]).toEqual([409, 'CERTIFICATION_NOT_ELIGIBLE']);
    const details = errorOf(res).details!;
    expect(details.map((d) => d.message).join()).toContain('校企合作年限');
    expect(details.map((d) => d.messageEn).join()).toContain('Years of school cooperation');
  });

  it('refuses with a reason, keeping the evaluation it was taken on', async () => {
    const empty = await w.clients.drc.post(`/api/certification/applications/${id}/refusal`, { reason: ' ' });
    expect([empty.statusCode, errorOf(empty).details![0]!.field]).toEqual([400, 'reason']);
    const res = await w.clients.drc.post(`/api/certification/applications/${id}/refusal`, {
      reason: '校企合作年限无法核实',
    });
    expect(res.statusCode, res.body).toBe(200);
    const app = appOf(res);
    expect([app.state, app.evaluation.measuredNow]).toEqual(['refused', false]);
    expect(Object.values(app.abilities).some(Boolean)).toBe(false);
    const again = await w.clients.drc.post(`/api/certification/applications/${id}/certification`, {});
    expect([again.statusCode, errorOf(again).code]).toEqual([409, 'CERTIFICATION_INVALID_TRANSITION']);
  });
});

describe('certification with the evidence look-ups wired, and the incentive ledger', () => {
  let w: CertificationWorld;
  let id: string;
  beforeAll(async () => {
    w = await createCertificationWorld();
    await registerNotAboveScale(w, w.units.yitong, [2020, 2021]);
    const app = await w.at('2021-05-20', WIRED).applications.applyForCertification(await w.actor('yitong'), {
      year: 2021,
      statement: '',
    });
    id = app.id;
    await signAll(w, id, '2021-05-20', WIRED);
  }, 180_000);
  afterAll(() => w?.ctx.close());

  it('certifies when the measured criteria are met; the decision keeps its snapshot', async () => {
    const drc = await w.actor('drc');
    const app = await w.at('2021-05-20', WIRED).applications.certify(drc, id, { note: '予以认定' });
    expect(app.state).toBe('certified');
    expect(app.certification).toMatchObject({
      standing: 'valid',
      certifiedOn: '2021-05-20',
      validUntil: '2024-05-19',
      nextRecheckOn: '2022-05-20',
    });
    expect(app.evaluation.measuredNow).toBe(false);
    expect(app.evaluation.evidence.cooperationSince).toBe('2018-09-01');
    // Records change later (the look-ups answer nothing now): the decision's table does not.
    const later = await w.at('2021-06-01').applications.getApplication(drc, id);
    expect(later.evaluation.evaluation.eligible).toBe(true);
    expect(later.evaluation.evidence.coBuiltBases).toBe(2);
  });

  it('records incentives only while certified, from a granting bureau, with an amount or a measure and a basis', async () => {
    const finance = await w.actor('finance');
    const svc = w.at('2021-07-01', WIRED).incentives;
    const body = {
      enterpriseId: w.units.yitong,
      kind: 'fiscal' as const,
      grantor: '',
      amount: 300000,
      measure: '',
      grantedOn: '2021-07-01',
      basisNumber: '上党财教〔2021〕18号',
    };
    await expect(svc.grantIncentive(finance, { ...body, grantedOn: '2021-05-19' })).rejects.toMatchObject({
      code: 'CERTIFICATION_NOT_CERTIFIED_ON_DATE',
    });
    await expect(svc.grantIncentive(await w.actor('yitong'), body)).rejects.toMatchObject({
      code: 'CERTIFICATION_NOT_GRANTOR',
    });
    await expect(svc.grantIncentive(finance, { ...body, amount: null })).rejects.toMatchObject({
      details: [expect.objectContaining({ field: 'amount' })],
    });
    await expect(svc.grantIncentive(finance, { ...body, basisNumber: '' })).rejects.toMatchObject({
      details: [expect.objectContaining({ field: 'basisNumber' })],
    });
    await expect(
      svc.grantIncentive(await w.actor('zhendong'), { ...body, enterpriseId: w.units.zhendong }),
    ).rejects.toMatchObject({ code: 'CERTIFICATION_NOT_GRANTOR' });
    const zhendong = await svc
      .grantIncentive(finance, { ...body, enterpriseId: w.units.zhendong })
      .catch((e: { code: string }) => e.code);
    expect(zhendong).toBe('CERTIFICATION_NOT_CERTIFIED_ON_DATE');
    const granted = await svc.grantIncentive(finance, body);
    expect(granted).toMatchObject({ kind: 'fiscal', amount: 300000, grantingUnit: { code: 'SD-FIN' } });
    const audit = await w.ctx.db
      .selectFrom('auditLog')
      .select('action')
      .where('objectId', '=', granted.id)
      .executeTakeFirst();
    expect(audit?.action).toBe('certification.incentive.granted');
  });

  it('totals per kind and year, completes T12-INCENTIVES only when all five kinds are granted', async () => {
    const grant = async (account: 'drc' | 'nres' | 'tax', kind: string, on: string, amount: number | null) =>
      w.at(on, WIRED).incentives.grantIncentive(await w.actor(account), {
        enterpriseId: w.units.yitong,
        kind: kind as 'finance',
        grantor: kind === 'finance' ? '中国建设银行长治分行' : '',
        amount,
        measure: amount === null ? '用地优先保障' : '',
        grantedOn: on,
        basisNumber: `上党〔2021〕${kind}`,
      });
    await grant('drc', 'finance', '2021-08-01', 5_000_000);
    await grant('nres', 'land', '2021-08-02', null);
    await grant('drc', 'credit', '2021-08-03', null);
    const window = { startsOn: '2020-01-01', endsOn: '2022-12-31' };
    expect(
      (await districtMetric(w.ctx, CERTIFICATION_METRICS.combinedIncentivesGranted, window, '2021-09-01'))
        .value,
    ).toBe(0);
    await grant('tax', 'tax', '2021-11-20', 426_000);
    expect(
      (await districtMetric(w.ctx, CERTIFICATION_METRICS.combinedIncentivesGranted, window, '2021-12-01'))
        .value,
    ).toBe(1);
    expect(
      (await districtMetric(w.ctx, CERTIFICATION_METRICS.certifiedEnterprises, window, '2021-12-01')).value,
    ).toBe(1);
    const ledger = await w.clients.yitong.get('/api/certification/incentives?year=2021');
    expect(ledger.statusCode, ledger.body).toBe(200);
    const body = ledger.json() as {
      items: unknown[];
      totals: {
        amount: number;
        byKind: Array<{ kind: string; count: number; amount: number }>;
        byYear: unknown[];
      };
      abilities: { grant: boolean };
    };
    expect(body.items).toHaveLength(5);
    expect(body.totals.amount).toBe(5_726_000);
    expect(body.totals.byKind.find((k) => k.kind === 'land')).toEqual({ kind: 'land', count: 1, amount: 0 });
    expect(body.totals.byYear).toEqual([{ year: 2021, count: 5, amount: 5_726_000 }]);
    expect(body.abilities.grant).toBe(false);
    expect(
      ((await w.clients.zhendong.get('/api/certification/incentives')).json() as { items: unknown[] }).items,
    ).toHaveLength(0);
    const xlsx = await w.clients.drc.get('/api/certification/incentives/export.xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });

  it('is due for re-check on its anniversary (a todo for 区发改科技局), re-checked with its own evaluation, then revoked', async () => {
    const drc = await w.actor('drc');
    const due = await w.at('2022-05-21', WIRED).applications.getApplication(drc, id);
    expect(due.certification).toMatchObject({ standing: 'recheck_due', nextRecheckOn: '2022-05-20' });
    const todos = await createCertificationTodos(w.at('2022-05-21').deps)(drc, 'zh', '2022-05-21');
    expect(todos).toEqual([
      expect.objectContaining({
        kind: 'recheck_due',
        dueDate: '2022-05-20',
        daysLate: 1,
        link: `/certification/applications/${id}`,
      }),
    ]);
    const finance = await w.actor('finance');
    expect(await createCertificationTodos(w.at('2022-05-21').deps)(finance, 'zh', '2022-05-21')).toEqual([]);
    const checked = await w.at('2022-05-21', WIRED).applications.recheck(drc, id, { comment: '复核通过' });
    expect(checked.rechecks).toHaveLength(1);
    expect(checked.rechecks[0]).toMatchObject({ checkedOn: '2022-05-21', passed: true });
    expect(checked.certification).toMatchObject({ standing: 'valid', nextRecheckOn: '2023-05-20' });
    for (const step of ['recheck', 'revoke'] as const)
      await expect(
        w.at('2022-06-01').applications[step](finance, id, { comment: '', reason: '越权' }),
      ).rejects.toMatchObject({ code: 'CERTIFICATION_NOT_AUTHORITY', status: 403 });
    await expect(w.at('2022-06-01').applications.revoke(drc, id, { reason: '' })).rejects.toMatchObject({
      details: [expect.objectContaining({ field: 'reason' })],
    });
    const revoked = await w.at('2022-06-01').applications.revoke(drc, id, { reason: '存在重大安全生产事故' });
    expect([revoked.state, revoked.revokedOn, revoked.certification?.standing]).toEqual([
      'revoked',
      '2022-06-01',
      'revoked',
    ]);
    await expect(
      w.at('2022-06-02').incentives.grantIncentive(await w.actor('finance'), {
        enterpriseId: w.units.yitong,
        kind: 'fiscal',
        grantor: '',
        amount: 1000,
        measure: '',
        grantedOn: '2022-06-02',
        basisNumber: 'x',
      }),
    ).rejects.toMatchObject({ code: 'CERTIFICATION_NOT_CERTIFIED_ON_DATE' });
    const actions = await w.ctx.db
      .selectFrom('certificationEvent')
      .select('action')
      .where('applicationId', '=', id)
      .orderBy('at')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'applied',
      ...PANEL.map(() => 'opinion_given'),
      'certified',
      'rechecked',
      'revoked',
    ]);
  });
  it('refuses an incentive dated after today, naming the date (400 on grantedOn, zh and en)', async () => {
    const res = await w.clients.finance.post('/api/certification/incentives', {
      enterpriseId: w.units.yitong,
      kind: 'fiscal',
      amount: 1000,
      grantedOn: '2021-06-01',
      basisNumber: '上党财教〔2021〕20号',
    });
    expect(res.statusCode, res.body).toBe(400);
    const detail = errorOf(res).details![0]!;
    expect(detail).toMatchObject({ field: 'grantedOn', code: 'IN_FUTURE' });
    expect(detail.message).toContain('晚于今天');
    expect(detail.messageEn).toContain('after today');
  });
});

describe('co-developed courses (programs) and interns (internships) feed the evidence', () => {
  let w: CertificationWorld;
  beforeAll(async () => {
    w = await createCertificationWorld();
  }, 180_000);
  afterAll(() => w?.ctx.close());

  it('a school names a course’s partner enterprises; the certification counts them per year', async () => {
    const bad = await w.clients.vhs.post('/api/courses', {
      schoolId: w.units.vhs,
      name: '焊接工艺',
      category: 'professional',
      partnerEnterprises: [{ enterpriseId: w.units.vhs, sinceYear: 2020 }],
    });
    expect(bad.statusCode, bad.body).toBe(400);
    expect(errorOf(bad).details![0]!.field).toBe('partnerEnterprises.0.enterpriseId');
    const ok = await w.clients.vhs.post('/api/courses', {
      schoolId: w.units.vhs,
      name: '焊接工艺',
      category: 'professional',
      partnerEnterprises: [{ enterpriseId: w.units.yitong, sinceYear: 2020 }],
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({
      course: { partnerEnterprises: [{ name: '易通集团', sinceYear: 2020 }] },
    });
    const app = await w.at('2021-05-20').applications.applyForCertification(await w.actor('yitong'), {
      year: 2021,
      statement: '',
    });
    expect(app.evaluation.evidence.coDevelopedCoursesByYear).toEqual({ 2020: 1 });
    expect(app.evaluation.evaluation.results.find((r) => r.key === 'co_developed_courses')).toMatchObject({
      met: true,
      measured: true,
    });
  });

  it('measures an application as of the year applied for, however late it is viewed or decided', async () => {
    const drc = await w.actor('drc');
    const [yitong] = await w.at('2021-06-01').applications.listApplications(drc, { year: 2021 });
    const seen: string[] = [];
    const watching: EvidenceLookups = {
      cooperation: async (db, enterpriseId, asOf) => {
        seen.push(asOf);
        return WIRED.cooperation!(db, enterpriseId, asOf);
      },
      trainingBases: async (db, enterpriseId, asOf) => {
        seen.push(asOf);
        return WIRED.trainingBases!(db, enterpriseId, asOf);
      },
    };
    const viewed = await w.at('2023-03-01', watching).applications.getApplication(drc, yitong!.id);
    expect([viewed.evaluation.date, viewed.evaluation.measuredNow]).toEqual(['2021-12-31', true]);
    expect(new Set(seen)).toEqual(new Set(['2021-12-31']));
    const interns = viewed.evaluation.evaluation.results.find((r) => r.key === 'long_interns')!;
    expect(interns.required.zh).toContain('2019–2021');
    const refused = await w.at('2022-01-10', watching).applications.refuse(drc, yitong!.id, {
      reason: '逾期未补充材料',
    });
    expect([refused.decidedOn, refused.evaluation.date, refused.evaluation.measuredNow]).toEqual([
      '2022-01-10',
      '2021-12-31',
      false,
    ]);

    // Decided in the next year: the evidence is 2021's, the validity runs from the decision.
    await registerNotAboveScale(w, w.units.zhendong, [2020, 2021], {
      legalName: '振东集团',
      usccBody: 'MA0C2102',
    });
    const zhendong = await w
      .at('2021-09-01', WIRED)
      .applications.applyForCertification(await w.actor('zhendong'), { year: 2021, statement: '' });
    await signAll(w, zhendong.id, '2021-09-10', WIRED);
    const certified = await w.at('2022-02-15', WIRED).applications.certify(drc, zhendong.id, { note: '' });
    expect(certified.state).toBe('certified');
    expect(certified.evaluation.date).toBe('2021-12-31');
    expect(certified.certification).toMatchObject({ certifiedOn: '2022-02-15', validUntil: '2025-02-14' });
  });

  it('re-checks a certification on its last valid day, and refuses once it has expired (apply anew)', async () => {
    const drc = await w.actor('drc');
    const [certified] = await w
      .at('2025-02-14')
      .applications.listApplications(drc, { year: 2021, state: 'certified' });
    const lastDay = await w.at('2025-02-14', WIRED).applications.recheck(drc, certified!.id, { comment: '' });
    expect(lastDay.rechecks.at(-1)).toMatchObject({ checkedOn: '2025-02-14' });
    const late = await w
      .at('2025-02-15', WIRED)
      .applications.recheck(drc, certified!.id, { comment: '' })
      .catch((e: unknown) => e);
    expect(late).toMatchObject({
      code: 'CERTIFICATION_EXPIRED',
      status: 409,
      details: [
        {
          field: 'validUntil',
          message: '认定有效期已于 2025-02-14 届满，认定已失效，不能复核；如需继续认定，请重新申报',
          messageEn:
            'The certification expired on 2025-02-14 and cannot be re-checked; the enterprise must apply anew',
        },
      ],
    });
    const rechecks = await w.ctx.db
      .selectFrom('certificationRecheck')
      .select('checkedOn')
      .where('applicationId', '=', certified!.id)
      .execute();
    expect(rechecks.map((r) => r.checkedOn)).toEqual(['2025-02-14']);
  });

  it('keeps the validity the decision stored when the district’s validity period changes later', async () => {
    const drc = await w.actor('drc');
    // The district lengthens the period to 4 years after 振东集团 was certified for 3.
    const { deps } = w.at('2025-02-15', WIRED);
    const later = bindUseCases({ ...deps, rules: { ...deps.rules, validityYears: 4 } }, applications);
    const [certified] = await later.listApplications(drc, { year: 2021, state: 'certified' });
    expect(certified!.certification).toMatchObject({
      validUntil: '2025-02-14',
      standing: 'expired',
      recheckDates: ['2023-02-15', '2024-02-15'],
    });
    const refused = await later.recheck(drc, certified!.id, { comment: '' }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'CERTIFICATION_EXPIRED', details: [{ field: 'validUntil' }] });
  });
});
