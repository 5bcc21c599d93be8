import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOf } from './alert-actors.ts';
import { createTestContext, seedShangdang, type Client, type TestContext } from './test-context.ts';
import type { Actor } from '../platform/auth/actor.ts';
import type { ModuleDeps } from '../platform/modules/module-definition.ts';
import { maskResidentId } from '../platform/validation/identifiers.ts';
import {
  residentId,
  runWholeSeason,
  userClient,
  type SeasonFixture,
} from '../modules/enrollment/enrollment.test-helpers.ts';
import { identityColumns } from '../modules/learners/learner-columns.ts';
import * as outcomes from '../modules/learners/outcomes.service.ts';
import * as register from '../modules/learners/register.service.ts';
import * as socialLearners from '../modules/learners/social-learners.service.ts';
import * as unmask from '../modules/learners/unmask.service.ts';
import { PII_VIEWS_PER_HOUR } from '../modules/learners/learners.config.ts';
import { SECURITY_ALERT_ACTION } from '../platform/audit/audit-log.ts';

type Detail = { field: string; code: string; message: string; messageEn: string };

/** The error a promise rejects with: its code, status and details. */
async function refusal(p: Promise<unknown>) {
  const e = (await p.then(
    () => null,
    (error: unknown) => error,
  )) as { code: string; status: number; details?: Detail[] } | null;
  expect(e, 'expected a refusal').not.toBeNull();
  return { code: e!.code, status: e!.status, details: e!.details };
}

/**
 * The student register (learners) made from 报到 (enrollment, read through its index.ts). Here, not in
 * the module's folder, because it sets up the enrolment season with that module's test helpers
 * (as vet-programme-enrollment-link.test.ts does).
 */
describe('the student register (学籍) made from enrolment registrations', () => {
  let ctx: TestContext;
  let deps: ModuleDeps;
  let f: SeasonFixture;
  let vhs: Client;
  let actors: Record<'vhs' | 'vec' | 'hs1' | 'coordinator' | 'eduClerk', Actor>;
  let units: Record<'vhs' | 'vec' | 'hs1', string>;
  const id = (exam: string) => f.candidates.get(exam)!;
  const confirmRegistration = (client: Client, exam: string) =>
    client.put(`/api/enrollment/candidates/${id(exam)}/registration`, { status: 'registered' });
  const learnerOf = (exam: string) =>
    ctx.db
      .selectFrom('learner')
      .selectAll()
      .where('enrollmentRegistrationId', '=', id(exam))
      .executeTakeFirst();
  const historyOf = (learnerId: string) =>
    ctx.db
      .selectFrom('learnerStatusChange')
      .select(['fromStatus', 'toStatus', 'changedOn', 'reason'])
      .where('learnerId', '=', learnerId)
      .orderBy('seq')
      .execute();

  beforeAll(async () => {
    ctx = await createTestContext();
    await seedShangdang(ctx);
    ({ f } = await runWholeSeason(ctx));
    deps = ctx.services.modules.deps.get('learners')!;
    vhs = await userClient(ctx, 'unit_clerk', 'SD-VHS');
    // 区职业高中 admitted 210004 and 210005 to 焊接技术应用; 区职教中心 210003 to 美容美发.
    expect((await confirmRegistration(vhs, '210004')).statusCode).toBe(200);
    const vec = await userClient(ctx, 'unit_clerk', 'SD-VEC');
    expect((await confirmRegistration(vec, '210003')).statusCode).toBe(200);
    actors = {
      vhs: await actorOf(ctx, 'unit_clerk', 'SD-VHS'),
      vec: await actorOf(ctx, 'unit_clerk', 'SD-VEC'),
      hs1: await actorOf(ctx, 'unit_clerk', 'SD-HS1'),
      coordinator: await actorOf(ctx, 'coordinator', 'SD-EDU'),
      // A clerk of 区教育局, the unit the schools sit under: sees them, keeps none.
      eduClerk: await actorOf(ctx, 'unit_clerk', 'SD-EDU'),
    };
    const codes = { vhs: 'SD-VHS', vec: 'SD-VEC', hs1: 'SD-HS1' } as const;
    const rows = await ctx.db.selectFrom('orgUnit').select(['id', 'code']).execute();
    units = Object.fromEntries(
      Object.entries(codes).map(([k, code]) => [k, rows.find((r) => r.code === code)!.id]),
    ) as typeof units;
  }, 600_000);
  afterAll(() => ctx?.close());

  it('puts a school’s registered candidates on its register: cohort, major, masked ID, encrypted birth date, history, audit', async () => {
    const answer = await register.createCohortFromEnrollment(deps, actors.vhs, {
      schoolId: units.vhs,
      seasonId: f.seasonId,
    });
    expect(answer).toEqual({ created: 1, admittedFromSocial: 0, skipped: 0 });
    const row = (await learnerOf('210004'))!;
    expect(row).toMatchObject({
      schoolId: units.vhs,
      majorCode: 'VHS-WELD',
      majorName: '焊接技术应用',
      className: '',
      cohortYear: 2021,
      name: '赵四',
      sex: 'M',
      idMasked: maskResidentId(residentId(4, 'M')),
      status: 'enrolled',
      statusSince: '2021-06-21',
      source: 'enrollment',
    });
    expect(row.idIndex).toBe(ctx.crypto.blindIndex(residentId(4, 'M')));
    expect(ctx.crypto.decrypt(row.idCipher)).toBe(residentId(4, 'M'));
    expect(ctx.crypto.decrypt(row.birthDateCipher)).toBe('2006-03-15');
    expect(await historyOf(row.id)).toEqual([
      { fromStatus: null, toStatus: 'enrolled', changedOn: '2021-06-21', reason: '招生报到' },
    ]);
    const audit = await ctx.db
      .selectFrom('auditLog')
      .select(['actorId', 'details'])
      .where('action', '=', 'learner.created')
      .where('objectId', '=', row.id)
      .execute();
    expect(audit).toEqual([
      {
        actorId: actors.vhs.userId,
        details: { schoolId: units.vhs, source: 'enrollment', registrationId: id('210004') },
      },
    ]);
  });

  it('is idempotent: a registration already on the register is skipped, a later one added', async () => {
    const again = { schoolId: units.vhs, seasonId: f.seasonId };
    expect(await register.createCohortFromEnrollment(deps, actors.vhs, again)).toEqual({
      created: 0,
      admittedFromSocial: 0,
      skipped: 1,
    });
    expect((await confirmRegistration(vhs, '210005')).statusCode).toBe(200);
    expect(await register.createCohortFromEnrollment(deps, actors.vhs, again)).toEqual({
      created: 1,
      admittedFromSocial: 0,
      skipped: 1,
    });
    const count = await ctx.db
      .selectFrom('learner')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('schoolId', '=', units.vhs)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(2);
    expect((await learnerOf('210005'))!.name).toBe('钱五');
  });

  it('refuses the whole cohort when a candidate’s ID number is on the school’s register already', async () => {
    const now = ctx.clock.now();
    const imported = await ctx.db
      .insertInto('learner')
      .values({
        schoolId: units.vec,
        districtId: actors.coordinator.districtId!,
        majorCode: '720601',
        majorName: '美容美体艺术',
        className: '',
        enrollmentRegistrationId: null,
        createdBy: null,
        cohortYear: 2020,
        name: '王三',
        ...identityColumns(ctx.crypto, residentId(3, 'F'), '2006-03-15'),
        sex: 'F',
        status: 'enrolled',
        statusSince: '2020-09-01',
        source: 'import',
        createdAt: now,
        updatedAt: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const input = { schoolId: units.vec, seasonId: f.seasonId };
    expect(await refusal(register.createCohortFromEnrollment(deps, actors.vec, input))).toEqual({
      code: 'LEARNER_EXISTS',
      status: 409,
      // Named by what the clerk can act on: the exam number and the registration, not an ID number
      // the request never held.
      details: [
        {
          field: 'examNumber',
          code: 'LEARNER_EXISTS',
          examNumber: '210003',
          registrationId: id('210003'),
          message: '考号 210003 的考生已在本校学籍中（身份证号与已有学生相同）',
          messageEn:
            'Candidate 210003 is already on the school’s register (a student there has the same ID number)',
        },
      ],
    });
    expect(await learnerOf('210003')).toBeUndefined();
    await ctx.db.deleteFrom('learner').where('id', '=', imported.id).execute();

    // The same person trained at the school before as a social learner (社会学习者), with an
    // outcome recorded: admitted through 报到, that row becomes the student's, the outcome kept.
    const social = await socialLearners.registerSocialLearner(deps, actors.vec, {
      schoolId: units.vec,
      name: '王珊',
      idNumber: residentId(3, 'F'),
    });
    expect(social).toMatchObject({ merged: false, kind: 'social' });
    // Registered under another name: the cohort names the candidate and changes nothing.
    const renamed = await refusal(register.createCohortFromEnrollment(deps, actors.vec, input));
    expect(renamed).toMatchObject({ code: 'LEARNER_NAME_MISMATCH', status: 409 });
    expect(renamed.details![0]).toMatchObject({ field: 'examNumber', examNumber: '210003' });
    expect(await learnerOf('210003')).toBeUndefined();
    // The school corrects the name on its record (as its clerk would); then the cohort admits the person.
    await ctx.db.updateTable('learner').set({ name: '王三' }).where('id', '=', social.id).execute();
    const outcome = await outcomes.recordOutcome(deps, actors.vec, social.id, {
      type: 'training_completion',
      title: '美容师（初级）培训',
      issuer: '区职教中心',
      achievedOn: '2021-05-20',
    });
    expect(await register.createCohortFromEnrollment(deps, actors.vec, input)).toEqual({
      created: 0,
      admittedFromSocial: 1,
      skipped: 0,
    });
    const admitted = (await learnerOf('210003'))!;
    expect(admitted).toMatchObject({
      id: social.id,
      kind: 'student',
      source: 'enrollment',
      cohortYear: 2021,
      status: 'enrolled',
    });
    expect(admitted.majorCode).not.toBe('');
    const kept = await ctx.db
      .selectFrom('learningOutcome')
      .select('learnerId')
      .where('id', '=', outcome.id)
      .executeTakeFirstOrThrow();
    expect(kept.learnerId).toBe(social.id);
    const audit = await ctx.db
      .selectFrom('auditLog')
      .select('details')
      .where('action', '=', 'learner.admitted_from_social')
      .where('objectId', '=', social.id)
      .execute();
    expect(audit).toEqual([{ details: { schoolId: units.vec, registrationId: id('210003') } }]);
    expect(await register.createCohortFromEnrollment(deps, actors.vec, input)).toEqual({
      created: 0,
      admittedFromSocial: 0,
      skipped: 1,
    });
  });

  it('lets only a school’s own clerk make its cohort, and only at a vocational school of the season’s district', async () => {
    const at = (schoolId: string, seasonId = f.seasonId) => ({ schoolId, seasonId });
    const vhsCohort = at(units.vhs);
    expect(await refusal(register.createCohortFromEnrollment(deps, actors.vec, vhsCohort))).toMatchObject({
      code: 'NOT_FOUND',
      status: 404,
    });
    expect(
      await refusal(register.createCohortFromEnrollment(deps, actors.coordinator, vhsCohort)),
    ).toMatchObject({ code: 'FORBIDDEN', status: 403 });
    expect(await refusal(register.createCohortFromEnrollment(deps, actors.hs1, at(units.hs1)))).toMatchObject(
      { code: 'LEARNER_NOT_A_SCHOOL', status: 400 },
    );
    const unknownSeason = at(units.vhs, '00000000-0000-4000-8000-000000000000');
    expect(await refusal(register.createCohortFromEnrollment(deps, actors.vhs, unknownSeason))).toEqual({
      code: 'VALIDATION_FAILED',
      status: 400,
      details: [
        {
          field: 'seasonId',
          code: 'NOT_FOUND',
          message: '未找到本区的该招生年度',
          messageEn: 'No such enrolment season in the school’s district',
        },
      ],
    });
  });

  it('changes a status with its history and audit, and refuses what the register does not allow', async () => {
    const learner = (await learnerOf('210004'))!;
    ctx.clock.set('2021-11-02T02:00:00Z');
    const suspended = await register.changeLearnerStatus(deps, actors.vhs, learner.id, {
      status: 'suspended',
      date: '2021-11-01',
      reason: '因病休学',
    });
    expect(suspended).toMatchObject({ status: 'suspended', statusSince: '2021-11-01' });
    ctx.clock.set('2022-03-01T02:00:00Z');
    await register.changeLearnerStatus(deps, actors.vhs, learner.id, {
      status: 'enrolled',
      date: '2022-02-28',
      reason: '复学',
    });
    const withdrawn = await register.changeLearnerStatus(deps, actors.vhs, learner.id, {
      status: 'withdrawn',
      date: '2022-03-01',
      reason: '本人申请退学',
    });
    expect(withdrawn.history.map((h) => [h.fromStatus, h.toStatus, h.changedOn])).toEqual([
      [null, 'enrolled', '2021-06-21'],
      ['enrolled', 'suspended', '2021-11-01'],
      ['suspended', 'enrolled', '2022-02-28'],
      ['enrolled', 'withdrawn', '2022-03-01'],
    ]);
    const refused = await refusal(
      register.changeLearnerStatus(deps, actors.vhs, learner.id, {
        status: 'enrolled',
        date: '2022-02-01',
        reason: '',
      }),
    );
    expect(refused).toEqual({
      code: 'LEARNER_STATUS_CHANGE_REFUSED',
      status: 409,
      details: [
        {
          field: 'status',
          code: 'STATUS_FINAL',
          message: '“退学”是最终状态，不能再变更',
          messageEn: 'Withdrawn is final; the status cannot change any more',
        },
        {
          field: 'date',
          code: 'DATE_BEFORE_LAST_CHANGE',
          message: '变更日期 2022-02-01 早于上一次学籍变更（2022-03-01）',
          messageEn: "The date 2022-02-01 is before the student's last status change (2022-03-01)",
        },
        {
          field: 'reason',
          code: 'REASON_REQUIRED',
          message: '请填写学籍变更原因',
          messageEn: 'A reason for the status change is required',
        },
      ],
    });
    expect((await learnerOf('210004'))!.status).toBe('withdrawn');
    expect(await historyOf(learner.id)).toHaveLength(4);
    const audit = await ctx.db
      .selectFrom('auditLog')
      .select('details')
      .where('action', '=', 'learner.status_changed')
      .where('objectId', '=', learner.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.details)).toEqual([
      { from: 'enrolled', to: 'suspended', on: '2021-11-01' },
      { from: 'suspended', to: 'enrolled', on: '2022-02-28' },
      { from: 'enrolled', to: 'withdrawn', on: '2022-03-01' },
    ]);
  });

  it('refuses a status date in the future', async () => {
    const learner = (await learnerOf('210005'))!;
    const refused = await refusal(
      register.changeLearnerStatus(deps, actors.vhs, learner.id, {
        status: 'suspended',
        date: '2022-03-02',
        reason: '因病休学',
      }),
    );
    expect(refused.details!.map((d) => [d.field, d.code])).toEqual([['date', 'DATE_IN_FUTURE']]);
    expect((await learnerOf('210005'))!.status).toBe('enrolled');
  });

  it('keeps each school’s learners to itself; the coordinator reads the district and changes nothing', async () => {
    const vhsLearner = (await learnerOf('210005'))!;
    const change = { status: 'suspended' as const, date: '2022-03-01', reason: '因病休学' };
    expect(await refusal(register.getLearner(deps, actors.vec, vhsLearner.id))).toMatchObject({
      code: 'NOT_FOUND',
      status: 404,
    });
    expect(
      await refusal(register.changeLearnerStatus(deps, actors.vec, vhsLearner.id, change)),
    ).toMatchObject({ code: 'NOT_FOUND', status: 404 });
    expect(
      await refusal(register.changeLearnerStatus(deps, actors.coordinator, vhsLearner.id, change)),
    ).toMatchObject({ code: 'FORBIDDEN', status: 403 });
    // A clerk of the unit above the schools: no status change, no cohort, no clear ID.
    expect(
      await refusal(register.changeLearnerStatus(deps, actors.eduClerk, vhsLearner.id, change)),
    ).toMatchObject({ code: 'FORBIDDEN', status: 403 });
    expect(
      await refusal(
        register.createCohortFromEnrollment(deps, actors.eduClerk, {
          schoolId: units.vhs,
          seasonId: f.seasonId,
        }),
      ),
    ).toMatchObject({ code: 'FORBIDDEN', status: 403 });
    expect(await refusal(unmask.unmaskLearner(deps, actors.eduClerk, vhsLearner.id))).toMatchObject({
      code: 'FORBIDDEN',
      status: 403,
    });
    expect((await learnerOf('210005'))!.status).toBe('enrolled');

    const names = async (actor: Actor, query = {}) =>
      (await register.listLearners(deps, actor, query)).items.map((l) => l.name).sort();
    expect(await names(actors.vec)).toEqual(['王三']);
    expect(await names(actors.vec, { schoolId: units.vhs })).toEqual([]);
    expect(await names(actors.vhs)).toEqual(['赵四', '钱五'].sort());
    expect(await names(actors.coordinator)).toEqual(['王三', '赵四', '钱五'].sort());
    expect(await names(actors.coordinator, { schoolId: units.vhs, status: 'withdrawn' })).toEqual(['赵四']);
    expect(await names(actors.hs1)).toEqual([]);

    const listed = await register.listLearners(deps, actors.coordinator, { cohortYear: 2021 });
    expect(listed.total).toBe(3);
    for (const item of listed.items) {
      expect(item.idMasked).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
      expect(item.abilities).toEqual({ changeStatus: false });
      expect(Object.keys(item)).not.toContain('idCipher');
    }
  });

  it('answers the register’s routes: scoped, masked, refusals with their codes', async () => {
    const vec = await userClient(ctx, 'unit_clerk', 'SD-VEC');
    const coordinator = await userClient(ctx, 'coordinator', 'SD-EDU');
    const learner = (await learnerOf('210005'))!;
    const codeOf = (res: { json(): unknown }) => (res.json() as { error: { code: string } }).error.code;

    const unsigned = await ctx.app.inject({ method: 'GET', url: '/api/learners' });
    expect(unsigned.statusCode).toBe(401);
    const list = await coordinator.get('/api/learners?cohortYear=2021');
    expect(list.statusCode, list.body).toBe(200);
    expect((list.json() as { total: number }).total).toBe(3);
    for (const leak of ['idCipher', 'idIndex', 'birthDateCipher', residentId(5, 'F')])
      expect(list.body).not.toContain(leak);
    expect(list.body).toContain(maskResidentId(residentId(5, 'F')));

    const one = await vhs.get(`/api/learners/${learner.id}`);
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json()).toMatchObject({
      learner: { name: '钱五', status: 'enrolled', abilities: { changeStatus: true }, history: [{}] },
    });
    expect((await vec.get(`/api/learners/${learner.id}`)).statusCode).toBe(404);

    const cohort = { schoolId: units.vhs, seasonId: f.seasonId };
    const again = await vhs.post('/api/learners/enrollment-cohorts', cohort);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toEqual({ created: 0, admittedFromSocial: 0, skipped: 2 });
    const byCoordinator = await coordinator.post('/api/learners/enrollment-cohorts', cohort);
    expect([byCoordinator.statusCode, codeOf(byCoordinator)]).toEqual([403, 'FORBIDDEN']);

    const url = `/api/learners/${learner.id}/status-changes`;
    const bad = await vhs.post(url, { status: 'expelled', date: '2022-03-01', reason: '因病休学' });
    expect([bad.statusCode, codeOf(bad)]).toEqual([400, 'VALIDATION_FAILED']);
    const suspended = await vhs.post(url, { status: 'suspended', date: '2022-03-01', reason: '因病休学' });
    expect(suspended.statusCode, suspended.body).toBe(200);
    expect(suspended.json()).toMatchObject({ learner: { status: 'suspended', statusSince: '2022-03-01' } });
    const refused = await vhs.post(url, { status: 'graduated', date: '2022-03-01', reason: '毕业' });
    expect([refused.statusCode, codeOf(refused)]).toEqual([409, 'LEARNER_STATUS_CHANGE_REFUSED']);
    expect((await vec.post(url, { status: 'enrolled', date: '2022-03-01', reason: '复学' })).statusCode).toBe(
      404,
    );
  });

  it('shows the ID number in clear only to the school’s keeper, audits each view and stops at the hourly limit', async () => {
    const learner = (await learnerOf('210004'))!;
    expect(await unmask.unmaskLearner(deps, actors.vhs, learner.id)).toEqual({
      idNumber: residentId(4, 'M'),
      birthDate: '2006-03-15',
    });
    expect(await refusal(unmask.unmaskLearner(deps, actors.vec, learner.id))).toMatchObject({
      code: 'NOT_FOUND',
      status: 404,
    });
    expect(await refusal(unmask.unmaskLearner(deps, actors.coordinator, learner.id))).toMatchObject({
      code: 'FORBIDDEN',
      status: 403,
    });
    const vec = await userClient(ctx, 'unit_clerk', 'SD-VEC');
    expect((await vec.post(`/api/learners/${learner.id}/unmask`)).statusCode).toBe(404);
    const viewed = await vhs.post(`/api/learners/${learner.id}/unmask`);
    expect(viewed.statusCode, viewed.body).toBe(200);
    expect(viewed.headers['cache-control']).toBe('no-store');
    // The route's view was another account's (the client's): this account has made one so far.
    for (let i = 1; i < PII_VIEWS_PER_HOUR; i++) await unmask.unmaskLearner(deps, actors.vhs, learner.id);
    expect(await refusal(unmask.unmaskLearner(deps, actors.vhs, learner.id))).toMatchObject({
      code: 'LEARNER_PII_VIEW_LIMIT',
      status: 429,
    });
    const audit = await ctx.db
      .selectFrom('auditLog')
      .select(['action', 'result', 'actorId', 'details'])
      .where('objectId', '=', learner.id)
      .where('action', 'in', ['learner.pii_view', SECURITY_ALERT_ACTION])
      .orderBy('seq')
      .execute();
    const mine = audit.filter((a) => a.actorId === actors.vhs.userId);
    expect(mine.filter((a) => a.action === 'learner.pii_view' && a.result === 'success')).toHaveLength(
      PII_VIEWS_PER_HOUR,
    );
    expect(mine.filter((a) => a.result === 'denied').map((a) => a.details)).toEqual([
      { fields: ['idNumber', 'birthDate'], reason: 'hourly_limit' },
    ]);
    expect(mine.filter((a) => a.action === SECURITY_ALERT_ACTION)).toHaveLength(1);
  });

  it('holds no ID number or birth date in clear at rest, and its history cannot be rewritten', async () => {
    const ids = [residentId(3, 'F'), residentId(4, 'M'), residentId(5, 'F')];
    const dump = JSON.stringify([
      (await sql`SELECT * FROM learner`.execute(ctx.db)).rows,
      (await sql`SELECT * FROM learner_status_change`.execute(ctx.db)).rows,
      (await sql`SELECT * FROM audit_log WHERE action LIKE 'learner.%'`.execute(ctx.db)).rows,
    ]);
    expect(dump).toContain('140421********');
    for (const plain of ids) expect(dump).not.toContain(plain);
    expect(dump).not.toContain('2006-03-15');
    expect(dump).not.toContain('20060315');
    await expect(sql`UPDATE learner_status_change SET reason = 'x'`.execute(ctx.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`DELETE FROM learner_status_change`.execute(ctx.db)).rejects.toThrow(/append-only/);
  });

  it('holds a major code as long as an enrolment program’s code may be (32 characters)', async () => {
    const code = 'A'.repeat(32);
    await sql`UPDATE learner SET major_code = ${code} WHERE id = ${(await learnerOf('210004'))!.id}`.execute(
      ctx.db,
    );
    expect((await learnerOf('210004'))!.majorCode).toBe(code);
  });
});
