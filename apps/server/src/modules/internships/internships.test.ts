import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, demoContext, login } from '../../test/test-context.ts';
import { createInternshipsServices } from './index.ts';
import {
  createInternshipWorld,
  detailsOf,
  fileDocuments,
  idNumber,
  placeStudent,
  postBody,
  publishPost,
  refusalOf,
  uploadPdf,
  type InternshipWorld,
} from './internships.test-helpers.ts';

type Reason = { code: string; field: string; zh: string; en: string };
type Placement = {
  id: string;
  state: string;
  student: { name: string; idMasked: string; ageAtStart: number };
  guardianName: string | null;
  checklist: Array<{ item: string; ok: boolean; reasons: Reason[] }>;
  activationCheck: { ok: boolean; refusals: Reason[]; warnings: Reason[] };
  abilities: Record<string, boolean>;
};
const placementOf = (res: { json(): unknown }) => (res.json() as { placement: Placement }).placement;

describe('internship posts', () => {
  let w: InternshipWorld;
  beforeAll(async () => {
    w = await createInternshipWorld();
  });
  afterAll(() => w?.ctx.close());

  it('an enterprise writes a draft, publishes it for the district’s schools and closes it, each step audited', async () => {
    const created = await w.zhendong.post('/api/internship-posts', postBody());
    expect(created.statusCode, created.body).toBe(201);
    const post = (created.json() as { post: { id: string; state: string; enterprise: { code: string } } })
      .post;
    expect([post.state, post.enterprise.code]).toEqual(['draft', 'SD-ZHENDONG']);
    // A draft is the enterprise's own: a school does not see it yet.
    expect((await w.vec.get(`/api/internship-posts/${post.id}`)).statusCode).toBe(404);
    const published = await w.zhendong.post(`/api/internship-posts/${post.id}/publication`);
    expect(published.statusCode, published.body).toBe(200);
    const seen = await w.vec.get(`/api/internship-posts/${post.id}`);
    expect((seen.json() as { post: { state: string; abilities: { place: boolean } } }).post).toMatchObject({
      state: 'published',
      abilities: { place: true },
    });
    // A bureau without internship records sees no post, only the aggregates.
    expect((await w.hrss.get('/api/internship-posts')).json() as { total: number }).toMatchObject({
      total: 0,
    });
    const closed = await w.zhendong.post(`/api/internship-posts/${post.id}/closure`);
    expect((closed.json() as { post: { state: string; closedOn: string } }).post).toMatchObject({
      state: 'closed',
      closedOn: '2024-02-01',
    });
    const audit = await w.ctx.db
      .selectFrom('auditLog')
      .select('action')
      .where('objectId', '=', post.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'internships.post.created',
      'internships.post.published',
      'internships.post.closed',
    ]);
  });

  it('keeps a wage or staff count not given as null, not 0, and a 0 given as 0', async () => {
    const unknown = { sameJobMonthlyWage: null, lowestWageGrade: null, staffOnPost: null };
    const res = await w.zhendong.post('/api/internship-posts', postBody(unknown));
    expect(res.statusCode, res.body).toBe(201);
    const post = (res.json() as { post: { id: string } & typeof unknown }).post;
    expect(post).toMatchObject(unknown);
    const row = await w.ctx.db
      .selectFrom('internshipPost')
      .select(['sameJobMonthlyWage', 'lowestWageGrade', 'staffOnPost'])
      .where('id', '=', post.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual(unknown);
    const edited = await w.zhendong.put(`/api/internship-posts/${post.id}`, {
      ...postBody(),
      staffOnPost: 0,
      lowestWageGrade: 2400,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((edited.json() as { post: typeof unknown }).post).toMatchObject({
      staffOnPost: 0,
      lowestWageGrade: 2400,
    });
  });

  it('refuses to publish a post that breaks the rules, naming every field in zh and en', async () => {
    const res = await w.zhendong.post('/api/internship-posts', {
      ...postBody({ venue: 'karaoke', nightWork: true }),
      publish: true,
    });
    expect(refusalOf(res)).toEqual([409, 'INTERNSHIP_POST_REFUSED']);
    expect(detailsOf(res)).toEqual([
      {
        field: 'post.venue',
        code: 'POST_ENTERTAINMENT_VENUE',
        message: '不得安排学生到歌厅等营业性娱乐场所实习',
        messageEn: 'Interns may not be placed in entertainment venues (karaoke)',
      },
      {
        field: 'post.nightWork',
        code: 'NIGHT_WORK',
        message: '岗位安排夜班',
        messageEn: 'The post includes night shifts',
      },
    ]);
    // Filed with the supervising department (备案), night shifts only warn.
    const filed = await w.zhendong.post('/api/internship-posts', {
      ...postBody({ nightWork: true, filingReference: '上党教备〔2024〕3号' }),
      publish: true,
    });
    expect(filed.statusCode, filed.body).toBe(201);
    expect((filed.json() as { post: { check: { warnings: Reason[] } } }).post.check.warnings[0]!.code).toBe(
      'NIGHT_WORK',
    );
  });

  it('lets only an enterprise publish and only its own posts be changed', async () => {
    expect(refusalOf(await w.vhs.post('/api/internship-posts', postBody()))).toEqual([
      403,
      'INTERNSHIP_NOT_AN_ENTERPRISE',
    ]);
    const id = await publishPost(w.zhendong);
    // Another enterprise does not see a post of another (404); a school that sees it may not close it.
    expect(refusalOf(await w.yitong.post(`/api/internship-posts/${id}/closure`))).toEqual([404, 'NOT_FOUND']);
    expect(refusalOf(await w.vec.post(`/api/internship-posts/${id}/closure`))).toEqual([403, 'FORBIDDEN']);
    const bad = await w.zhendong.post('/api/internship-posts', postBody({ endsOn: '2024-02-01' }));
    expect(refusalOf(bad)).toEqual([400, 'VALIDATION_FAILED']);
    expect(detailsOf(bad)[0]).toMatchObject({ field: 'endsOn', code: 'PERIOD_INVALID' });
  });
});

describe('placements: documents, the start refused with its reasons, and who sees what', () => {
  let w: InternshipWorld;
  let postId: string;
  const activate = (id: string) => w.vec.post(`/api/internship-placements/${id}/activation`);
  const codes = (res: { json(): unknown }) => detailsOf(res as never).map((d) => d.code);

  beforeAll(async () => {
    w = await createInternshipWorld();
    postId = await publishPost(w.zhendong);
  });
  afterAll(() => w?.ctx.close());

  it('refuses the start for each missing document with the exact reason', async () => {
    const id = await placeStudent(w.vec, postId);
    const res = await activate(id);
    expect(refusalOf(res)).toEqual([409, 'INTERNSHIP_ACTIVATION_REFUSED']);
    expect(detailsOf(res)).toEqual([
      {
        field: 'agreement',
        code: 'AGREEMENT_MISSING',
        message: '未签订学校、实习单位、学生三方实习协议',
        messageEn: 'No three-party agreement (school, enterprise, student) is on file',
      },
      {
        field: 'consent.studentSignedOn',
        code: 'STUDENT_CONSENT_MISSING',
        message: '缺少学生本人的实习知情同意',
        messageEn: "The student's consent is not on file",
      },
      {
        field: 'consent.guardianSignedOn',
        code: 'GUARDIAN_CONSENT_MISSING',
        message: '学生在实习开始日为 17 周岁，缺少监护人知情同意书',
        messageEn: "The student is 17 on the start date: the guardian's consent is not on file",
      },
      {
        field: 'insurance',
        code: 'INSURANCE_MISSING',
        message: '未投保学生实习责任保险',
        messageEn: 'No internship liability insurance policy is on file',
      },
    ]);
    await w.vec.put(`/api/internship-placements/${id}/documents`, {
      agreement: { fileId: await uploadPdf(w.vec, 'agreement.pdf'), signedOn: '2024-01-30' },
      consent: {
        fileId: await uploadPdf(w.vec, 'consent.pdf'),
        studentSignedOn: '2024-01-30',
        guardianSignedOn: null,
      },
    });
    expect(codes(await activate(id))).toEqual(['GUARDIAN_CONSENT_MISSING', 'INSURANCE_MISSING']);
    const page = placementOf(await w.vec.get(`/api/internship-placements/${id}`));
    expect(page.checklist.map((c) => [c.item, c.ok, c.reasons.map((r) => r.code)])).toEqual([
      ['agreement', true, []],
      ['consent', false, ['GUARDIAN_CONSENT_MISSING']],
      ['insurance', false, ['INSURANCE_MISSING']],
      ['rules', true, []],
    ]);
    expect(page.state).toBe('draft');
  });

  it('refuses insurance that does not cover the whole period, and a premium charged to the student', async () => {
    const id = await placeStudent(w.vec, postId, {
      studentName: '李思雨',
      idNumber: idNumber('2005-04-02', 42),
    });
    await fileDocuments(w.vec, id, { startsOn: '2024-03-01', endsOn: '2024-06-30' });
    const res = await activate(id);
    expect(refusalOf(res)).toEqual([409, 'INTERNSHIP_ACTIVATION_REFUSED']);
    expect(detailsOf(res)).toEqual([
      {
        field: 'insurance.endsOn',
        code: 'INSURANCE_PERIOD_SHORT',
        message: `保单 PZBA${id.slice(0, 8)} 保险期间 2024-03-01 至 2024-06-30，未覆盖实习期 2024-03-01 至 2024-08-31`,
        messageEn: `Policy PZBA${id.slice(0, 8)} runs 2024-03-01 to 2024-06-30 and does not cover the placement, 2024-03-01 to 2024-08-31`,
      },
    ]);
    const student = await w.vec.put(`/api/internship-placements/${id}/documents`, {
      insurance: {
        insurer: '中国人民财产保险',
        policyNumber: 'PZBA2024STU',
        startsOn: '2024-03-01',
        endsOn: '2024-12-31',
        premiumPaidBy: 'student',
        fileId: await uploadPdf(w.vec, 'policy2.pdf'),
      },
    });
    expect(refusalOf(student)).toEqual([400, 'VALIDATION_FAILED']);
    expect(detailsOf(student)).toEqual([
      {
        field: 'insurance.premiumPaidBy',
        code: 'INSURANCE_PREMIUM_CHARGED_TO_STUDENT',
        message: '实习责任保险保费不得向学生收取',
        messageEn: 'The insurance premium may not be charged to the student',
      },
    ]);
  });

  it('refuses 岗位实习 to a first-year student under 16', async () => {
    const id = await placeStudent(w.vec, postId, {
      studentName: '刘宇航',
      idNumber: idNumber('2008-06-01', 13),
      studyYear: 1,
    });
    await fileDocuments(w.vec, id);
    const res = await activate(id);
    expect(detailsOf(res).map((d) => [d.code, d.field, d.message])).toEqual([
      ['STUDENT_FIRST_YEAR', 'student.studyYear', '学生为1年级，不得安排一年级学生岗位实习'],
      [
        'STUDENT_UNDER_16',
        'student.birthDate',
        '学生在实习开始日（2024-03-01）为 15 周岁，未满 16 周岁不得岗位实习',
      ],
    ]);
  });

  it('starts a placement with every document on file, warning that the staff share could not be checked', async () => {
    const id = await placeStudent(w.vec, postId, {
      studentName: '陈欣怡',
      idNumber: idNumber('2006-01-15', 64),
    });
    await fileDocuments(w.vec, id);
    const res = await activate(id);
    expect(res.statusCode, res.body).toBe(200);
    const p = placementOf(res);
    expect(p.state).toBe('active');
    expect(p.activationCheck.warnings.map((r) => r.code)).toEqual(['ENTERPRISE_STAFF_UNKNOWN']);
    expect(p.checklist.every((c) => c.ok)).toBe(true);
    const events = await w.ctx.db
      .selectFrom('auditLog')
      .select('action')
      .where('objectId', '=', id)
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.action)).toEqual([
      'internships.placement.created',
      'internships.placement.documents_updated',
      'internships.placement.activated',
    ]);
    // Running, it keeps its papers: removing the insurance or the agreement is refused, naming them.
    const removed = await w.vec.put(`/api/internship-placements/${id}/documents`, {
      insurance: null,
      agreement: null,
    });
    expect(removed.statusCode, removed.body).toBe(409);
    expect(detailsOf(removed).map((d) => d.field)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^agreement/), expect.stringMatching(/^insurance/)]),
    );
    expect(
      placementOf(await w.vec.get(`/api/internship-placements/${id}`)).checklist.every((c) => c.ok),
    ).toBe(true);
  });

  it('counts the enterprise’s staff when the register gives it: over 10 % is refused', async () => {
    const demo = demoContext(w.ctx, 'internships');
    const services = createInternshipsServices(demo.depsAt('2024-02-01'), async () => 10);
    const vec = await demo.actor(
      (
        await w.ctx.db
          .selectFrom('appUser')
          .select('username')
          .where('orgUnitId', '=', w.units.vec)
          .executeTakeFirstOrThrow()
      ).username,
    );
    const id = await placeStudent(w.vec, postId, {
      studentName: '杨博文',
      idNumber: idNumber('2006-03-03', 85),
    });
    await fileDocuments(w.vec, id);
    const check = (await services.placements.getPlacement(vec, id)).activationCheck;
    // One intern is already active (the previous test): with this one, 2 > 10 % of 10.
    expect(check.refusals.map((r) => [r.code, r.zh])).toEqual([
      ['ENTERPRISE_SHARE_EXCEEDED', '加上本次共 2 名岗位实习学生，超过实习单位在岗职工 10 人的 10%'],
    ]);
  });

  it('keeps ID numbers encrypted at rest and masked in every answer', async () => {
    const plain = idNumber('2006-09-10', 21);
    const raw = await sql<Record<string, unknown>>`SELECT * FROM internship_placement`.execute(w.ctx.db);
    const dump = JSON.stringify(raw.rows);
    expect(dump).not.toContain(plain);
    expect(dump).not.toContain(plain.slice(6, 14) + plain.slice(14));
    const row = raw.rows.find((r) => r.studentIdMasked === '140404********' + plain.slice(-4))!;
    expect(w.ctx.crypto.decrypt(row.studentIdCipher as string)).toBe(plain);
    // The 8 digits the mask hides are the birth date: it is never in clear beside the mask, in any
    // form (a dump holding both would hold the whole number).
    for (const birth of ['2006-09-10', '20060910']) expect(JSON.stringify(row)).not.toContain(birth);
    expect(w.ctx.crypto.decrypt(row.birthDateCipher as string)).toBe('2006-09-10');
    for (const client of [w.vec, w.zhendong, w.coordinator]) {
      const list = await client.get('/api/internship-placements');
      expect(list.body).not.toContain(plain);
      expect(list.body).toContain(`140404********${plain.slice(-4)}`);
    }
    const exported = await w.vec.get('/api/internship-placements/export.xlsx');
    expect(exported.statusCode).toBe(200);
    expect(exported.rawPayload.includes(Buffer.from(plain))).toBe(false);
  });

  it('checks the ID number by its checksum, naming the field', async () => {
    const bad = `${idNumber('2006-09-10', 21).slice(0, 17)}0`;
    const res = await w.vec.post('/api/internship-placements', {
      postId,
      studentName: '王浩然',
      idNumber: bad === idNumber('2006-09-10', 21) ? `${bad.slice(0, 17)}1` : bad,
      major: '药剂',
      studyYear: 2,
      guardianName: '王建国',
      startsOn: '2024-03-01',
      endsOn: '2024-08-31',
    });
    expect(refusalOf(res)).toEqual([400, 'VALIDATION_FAILED']);
    expect(detailsOf(res)[0]).toMatchObject({
      field: 'idNumber',
      code: 'ID_CHECKSUM',
      message: '身份证号校验位不正确，请核对',
    });
  });

  it('keeps another school and another enterprise out, and shows the enterprise only its posts’ placements', async () => {
    const [first] = (
      (await w.vec.get('/api/internship-placements?state=active')).json() as { items: Array<{ id: string }> }
    ).items;
    const id = first!.id;
    expect((await w.vhs.get(`/api/internship-placements/${id}`)).statusCode).toBe(404);
    expect((await w.vhs.post(`/api/internship-placements/${id}/activation`)).statusCode).toBe(404);
    expect((await w.yitong.get(`/api/internship-placements/${id}`)).statusCode).toBe(404);
    expect((await w.hrss.get(`/api/internship-placements/${id}`)).statusCode).toBe(404);
    expect(((await w.vhs.get('/api/internship-placements')).json() as { items: unknown[] }).items).toEqual(
      [],
    );
    expect(((await w.yitong.get('/api/internship-placements')).json() as { items: unknown[] }).items).toEqual(
      [],
    );
    // The enterprise reads its interns (names, masked IDs), not their guardians, and writes nothing of the school's.
    const seen = placementOf(await w.zhendong.get(`/api/internship-placements/${id}`));
    expect(seen.guardianName).toBeNull();
    expect(seen.student.idMasked).toMatch(/^140404\*{8}\w{4}$/);
    expect(
      refusalOf(await w.zhendong.put(`/api/internship-placements/${id}/documents`, { agreement: null })),
    ).toEqual([403, 'FORBIDDEN']);
    expect(refusalOf(await w.zhendong.post(`/api/internship-placements/${id}/activation`))).toEqual([
      403,
      'FORBIDDEN',
    ]);
    // Only a vocational school places students.
    expect(refusalOf(await w.zhendong.post('/api/internship-placements', { postId }))).toEqual([
      400,
      'VALIDATION_FAILED',
    ]);
    const jhs = await w.jhs1.post('/api/internship-placements', {
      postId,
      studentName: '赵雨桐',
      idNumber: idNumber('2006-05-05', 22),
      major: '药剂',
      studyYear: 2,
      guardianName: '赵建国',
      startsOn: '2024-03-01',
      endsOn: '2024-08-31',
    });
    expect(refusalOf(jhs)).toEqual([403, 'INTERNSHIP_NOT_A_SCHOOL']);
    // A document is read through the placement: the enterprise reads the agreement it signed, not
    // the consent form or the policy (the student's and guardian's particulars); another school
    // reads none; the school and the coordinator read all three.
    const { placement } = (await w.vec.get(`/api/internship-placements/${id}`)).json() as {
      placement: Record<'agreement' | 'consent' | 'insurance', { file: { id: string } } | null>;
    };
    const file = (part: 'agreement' | 'consent' | 'insurance') => `/api/files/${placement[part]!.file.id}`;
    expect((await w.zhendong.get(file('agreement'))).statusCode).toBe(200);
    expect((await w.zhendong.get(file('consent'))).statusCode).toBe(404);
    expect((await w.zhendong.get(file('insurance'))).statusCode).toBe(404);
    expect((await w.vhs.get(file('agreement'))).statusCode).toBe(404);
    for (const client of [w.vec, w.coordinator])
      for (const part of ['agreement', 'consent', 'insurance'] as const)
        expect((await client.get(file(part))).statusCode, part).toBe(200);
  });

  it('gives every reader the year’s aggregate numbers per enterprise', async () => {
    const res = await w.hrss.get('/api/internships/duty?year=2024');
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json() as {
      enterprises: { items: Array<{ enterprise: { code: string }; posts: number; offered: number }> };
    };
    expect(s.enterprises.items).toEqual([
      expect.objectContaining({
        enterprise: expect.objectContaining({ code: 'SD-ZHENDONG' }),
        posts: 1,
        offered: 5,
        // Not on the register for 2024: the 2 % duty is not judged, and says why.
        status: 'not_judged',
        required: null,
      }),
    ]);
  });

  it('judges each 规上 enterprise’s 2 % duty from the register’s staff count, and the district’s', async () => {
    const zhendong = (
      await w.ctx.db
        .selectFrom('orgUnit')
        .select('id')
        .where('code', '=', 'SD-ZHENDONG')
        .executeTakeFirstOrThrow()
    ).id;
    const yitong = (
      await w.ctx.db
        .selectFrom('orgUnit')
        .select('id')
        .where('code', '=', 'SD-YITONG')
        .executeTakeFirstOrThrow()
    ).id;
    // The register (the enterprises module's table, written here as its import would): 振东 has
    // 240 staff (owes ceil(4.8) = 5 places, offers 5: met); 易通 has 1000 staff and no post (owes 20).
    const district = (
      await w.ctx.db.selectFrom('orgUnit').select('id').where('code', '=', 'SD').executeTakeFirstOrThrow()
    ).id;
    const profile = {
      districtId: district,
      industrySection: 'C',
      industryDivision: '27',
      address: '上党区',
      status: 'active' as const,
      createdBy: null,
      createdAt: new Date(),
      updatedAt: new Date(),
    };
    await w.ctx.db
      .insertInto('enterprise')
      .values([
        {
          ...profile,
          orgUnitId: zhendong,
          uscc: '91140404MA0D21029J',
          legalName: '山西振东健康产业集团有限公司',
        },
        { ...profile, orgUnitId: yitong, uscc: '91140404MA0D21010M', legalName: '易通集团' },
      ])
      .execute();
    const row = {
      year: 2024,
      revenueWan: null,
      listedAboveScale: true,
      aboveScale: true,
      thresholdVersion: null,
    };
    await w.ctx.db
      .insertInto('enterpriseYear')
      .values([
        {
          ...row,
          enterpriseId: zhendong,
          staff: 240,
          aboveScaleSource: 'statistics_list',
          updatedBy: null,
          updatedAt: new Date(),
        },
        {
          ...row,
          enterpriseId: yitong,
          staff: 1000,
          aboveScaleSource: 'statistics_list',
          updatedBy: null,
          updatedAt: new Date(),
        },
      ])
      .execute();
    type Table = {
      enterprises: {
        items: Array<{
          enterprise: { code: string };
          offered: number;
          status: string;
          required: number | null;
          shortfall: number | null;
        }>;
      };
      totals: {
        aboveScale: number;
        judged: number;
        met: number;
        staff: number;
        offered: number;
        sharePercent: number | null;
      };
    };
    const duty = async (client: typeof w.hrss, query = '') =>
      (await client.get(`/api/internships/duty?year=2024${query}`)).json() as Table;
    const codes = (t: Table) => t.enterprises.items.map((e) => e.enterprise.code);
    const s = await duty(w.hrss);
    const byCode = new Map(s.enterprises.items.map((e) => [e.enterprise.code, e]));
    expect(byCode.get('SD-ZHENDONG')).toMatchObject({ status: 'met', required: 5, shortfall: 0 });
    expect(byCode.get('SD-YITONG')).toMatchObject({
      offered: 0,
      status: 'short',
      required: 20,
      shortfall: 20,
    });
    expect(s.totals).toMatchObject({
      aboveScale: 2,
      judged: 2,
      met: 1,
      staff: 1240,
      offered: 5,
      sharePercent: 0.4,
    });
    expect(codes(await duty(w.hrss, `&enterpriseId=${yitong}`))).toEqual(['SD-YITONG']);
    // An enterprise's account sees its own row only, and the district's line (the published indicator).
    const asYitong = await duty(w.yitong);
    expect(codes(asYitong)).toEqual(['SD-YITONG']);
    expect(asYitong.totals).toEqual(s.totals);
    expect(codes(await duty(w.zhendong, `&enterpriseId=${yitong}`))).toEqual([]);
    // A school's account (its unit is a school, not an enterprise) sees every enterprise's row, as a
    // bureau does.
    const asSchool = await duty(w.vec);
    expect(codes(asSchool)).toEqual(codes(s));
    expect(codes(asSchool)).toEqual(expect.arrayContaining(['SD-YITONG', 'SD-ZHENDONG']));
    await w.ctx.db.deleteFrom('enterpriseYear').where('year', '=', 2024).execute();
    await w.ctx.db.deleteFrom('enterprise').where('orgUnitId', 'in', [zhendong, yitong]).execute();
  });

  it('refuses a placement whose period lies outside the post’s, naming the field in zh and en', async () => {
    // A post of its own: the describe's post is full by now, and its numbers are checked above.
    const own = await publishPost(w.zhendong, { title: '期限核对岗位' });
    const body = {
      postId: own,
      studentName: '赵一鸣',
      idNumber: idNumber('2006-05-05', 57),
      major: '药剂',
      studyYear: 2,
      guardianName: '赵建国',
    };
    const early = await w.vec.post('/api/internship-placements', {
      ...body,
      startsOn: '2024-02-15',
      endsOn: '2024-08-31',
    });
    expect(refusalOf(early)).toEqual([400, 'VALIDATION_FAILED']);
    expect(detailsOf(early)[0]).toMatchObject({
      field: 'startsOn',
      code: 'OUTSIDE_POST_PERIOD',
      message: '实习开始日 2024-02-15 早于岗位实习期开始日 2024-03-01',
    });
    const late = await w.vec.post('/api/internship-placements', {
      ...body,
      startsOn: '2024-03-01',
      endsOn: '2024-09-30',
    });
    expect(detailsOf(late)[0]).toMatchObject({ field: 'endsOn', code: 'OUTSIDE_POST_PERIOD' });
    expect(detailsOf(late)[0]!.messageEn).toBe(
      "The end date 2024-09-30 is after the post's period ends (2024-08-31)",
    );
    const id = await placeStudent(w.vec, own, { ...body, startsOn: '2024-04-01', endsOn: '2024-07-31' });
    const { postId: _post, idNumber: _id, ...editable } = body;
    const edit = await w.vec.put(`/api/internship-placements/${id}`, {
      ...editable,
      startsOn: '2024-04-01',
      endsOn: '2024-09-01',
    });
    expect(detailsOf(edit)[0]).toMatchObject({ field: 'endsOn', code: 'OUTSIDE_POST_PERIOD' });
    await w.vec.post(`/api/internship-placements/${id}/termination`, { note: '测试后撤销' });
  });

  it('names the documents each 更新实习材料 step filed in the history and the audit', async () => {
    const own = await publishPost(w.zhendong, { title: '材料记录岗位' });
    const id = await placeStudent(w.vec, own, { idNumber: idNumber('2006-06-06', 61) });
    await fileDocuments(w.vec, id);
    const removed = await w.vec.put(`/api/internship-placements/${id}/documents`, { insurance: null });
    expect(removed.statusCode, removed.body).toBe(200);
    const { events } = (
      removed.json() as { placement: { events: Array<{ action: string; documents: string[] }> } }
    ).placement;
    expect(events.filter((e) => e.action === 'documents_updated').map((e) => e.documents)).toEqual([
      ['agreement', 'consent', 'insurance'],
      ['insurance'],
    ]);
    const audit = await w.ctx.db
      .selectFrom('auditLog')
      .select('details')
      .where('objectId', '=', id)
      .where('action', 'like', '%documents%')
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => (a.details as { parts: string[] }).parts)).toEqual([
      ['agreement', 'consent', 'insurance'],
      ['insurance'],
    ]);
  });
});

describe('a unit above the schools', () => {
  let w: InternshipWorld;
  beforeAll(async () => {
    w = await createInternshipWorld();
  });
  afterAll(() => w?.ctx.close());

  it('lets 区教育局’s clerk read the posts its schools’ placements are on, as it reads the placements, and no other', async () => {
    const edu = await login(w.ctx, (await createUser(w.ctx, 'unit_clerk', 'SD-EDU')).username);
    const postId = await publishPost(w.zhendong);
    const unplaced = await publishPost(w.zhendong, { title: '无人实习的岗位' });
    const placementId = await placeStudent(w.vec, postId);
    expect((await edu.get(`/api/internship-placements/${placementId}`)).statusCode).toBe(200);
    expect((await edu.get(`/api/internship-posts/${postId}`)).statusCode).toBe(200);
    expect((await edu.get(`/api/internship-posts/${unplaced}`)).statusCode).toBe(404);
    const posts = (await edu.get('/api/internship-posts')).json() as { items: Array<{ id: string }> };
    expect(posts.items.map((p) => p.id)).toEqual([postId]);
    // It reads the post; it keeps none of the enterprise's.
    expect(refusalOf(await edu.post(`/api/internship-posts/${postId}/closure`))).toEqual([403, 'FORBIDDEN']);
  });
});
