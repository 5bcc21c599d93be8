import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOf } from './alert-actors.ts';
import { createTestContext, seedShangdang, type Client, type TestContext } from './test-context.ts';
import type { Actor } from '../platform/auth/actor.ts';
import type { ModuleDeps } from '../platform/modules/module-definition.ts';
import { residentIdCheckChar } from '../platform/validation/identifiers.ts';
import {
  runWholeSeason,
  userClient,
  type SeasonFixture,
} from '../modules/enrollment/enrollment.test-helpers.ts';
import { identityColumns } from '../modules/learners/learner-columns.ts';
import { insertLearners, insertStatusChanges } from '../modules/learners/learners.repository.ts';
import * as register from '../modules/learners/register.service.ts';

/**
 * Making a school's cohort from 报到 under load: two requests at once, a cohort past the
 * statement's parameter limit, and a registration whose ID number gives no birth date. Beside
 * learners-register.test.ts, for the same reason (the enrolment season comes from that module's
 * test helpers).
 */
describe('a cohort from 报到: concurrent requests, large cohorts, unreadable ID numbers', () => {
  let ctx: TestContext;
  let deps: ModuleDeps;
  let f: SeasonFixture;
  let vhs: Client;
  let vhsActor: Actor;
  let vhsId: string;
  let districtId: string;
  const id = (exam: string) => f.candidates.get(exam)!;
  const learnerCount = async (schoolId: string) =>
    Number(
      (
        await ctx.db
          .selectFrom('learner')
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .where('schoolId', '=', schoolId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    ctx = await createTestContext();
    await seedShangdang(ctx);
    ({ f } = await runWholeSeason(ctx));
    deps = ctx.services.modules.deps.get('learners')!;
    vhs = await userClient(ctx, 'unit_clerk', 'SD-VHS');
    vhsActor = await actorOf(ctx, 'unit_clerk', 'SD-VHS');
    districtId = vhsActor.districtId!;
    vhsId = vhsActor.orgUnitId;
    // 区职业高中 admitted 210004 and 210005.
    for (const exam of ['210004', '210005'])
      expect(
        (await vhs.put(`/api/enrollment/candidates/${id(exam)}/registration`, { status: 'registered' }))
          .statusCode,
      ).toBe(200);
  }, 600_000);
  afterAll(() => ctx?.close());

  it('refuses (409) a registration whose ID number gives no birth date, naming its exam number, and writes nothing', async () => {
    // 210005's stored ID number no longer reads (a birth date in the future of the clock), as a
    // record corrected by hand might.
    const body = '14042120990101001';
    const unreadable = body + residentIdCheckChar(body);
    const { idCipher } = await ctx.db
      .selectFrom('enrollmentCandidate')
      .select('idCipher')
      .where('id', '=', id('210005'))
      .executeTakeFirstOrThrow();
    await ctx.db
      .updateTable('enrollmentCandidate')
      .set({ idCipher: ctx.crypto.encrypt(unreadable) })
      .where('id', '=', id('210005'))
      .execute();
    const res = await vhs.post('/api/learners/enrollment-cohorts', { schoolId: vhsId, seasonId: f.seasonId });
    expect(res.statusCode).toBe(409);
    expect((res.json() as { error: unknown }).error).toEqual({
      code: 'LEARNER_ID_INVALID',
      message: '以下考生的身份证号无法读取出生日期，本次未生成学籍',
      details: [
        {
          field: 'examNumber',
          code: 'LEARNER_ID_INVALID',
          examNumber: '210005',
          registrationId: id('210005'),
          message: '考号 210005 的身份证号无法读取出生日期，请招生办更正该考生的信息',
          messageEn:
            'Candidate 210005’s ID number gives no birth date: ask the enrolment office to correct the record',
        },
      ],
    });
    expect(JSON.stringify(res.json())).not.toContain(unreadable);
    expect(await learnerCount(vhsId)).toBe(0);
    await ctx.db
      .updateTable('enrollmentCandidate')
      .set({ idCipher })
      .where('id', '=', id('210005'))
      .execute();
  });

  it('refuses (409) two registrations of one cohort with one ID number, naming both exam numbers, and writes nothing', async () => {
    // 210005's stored ID number was corrected by hand to 210004's: both registrations would make
    // one student twice.
    const cipherOf = async (exam: string) =>
      (
        await ctx.db
          .selectFrom('enrollmentCandidate')
          .select('idCipher')
          .where('id', '=', id(exam))
          .executeTakeFirstOrThrow()
      ).idCipher;
    const own = await cipherOf('210005');
    await ctx.db
      .updateTable('enrollmentCandidate')
      .set({ idCipher: await cipherOf('210004') })
      .where('id', '=', id('210005'))
      .execute();
    const res = await vhs.post('/api/learners/enrollment-cohorts', { schoolId: vhsId, seasonId: f.seasonId });
    expect(res.statusCode).toBe(409);
    const detail = (exam: string, other: string) => ({
      field: 'examNumber',
      code: 'LEARNER_ID_REPEATED',
      examNumber: exam,
      registrationId: id(exam),
      message: `考号 ${exam} 的身份证号与考号 ${other} 的相同，请招生办更正考生信息`,
      messageEn: `Candidate ${exam} has the same ID number as candidate ${other}: ask the enrolment office to correct the records`,
    });
    expect((res.json() as { error: unknown }).error).toEqual({
      code: 'LEARNER_ID_REPEATED',
      message: '以下考生的身份证号相同，同一学生不能登记两次，本次未生成学籍',
      details: [detail('210004', '210005'), detail('210005', '210004')],
    });
    expect(await learnerCount(vhsId)).toBe(0);
    await ctx.db
      .updateTable('enrollmentCandidate')
      .set({ idCipher: own })
      .where('id', '=', id('210005'))
      .execute();
  });

  it('lets two requests for one school and season at once both succeed: the second skips what the first added', async () => {
    const input = { schoolId: vhsId, seasonId: f.seasonId };
    const answers = await Promise.all([
      register.createCohortFromEnrollment(deps, vhsActor, input),
      register.createCohortFromEnrollment(deps, vhsActor, input),
    ]);
    expect(answers.sort((a, b) => b.created - a.created)).toEqual([
      { created: 2, admittedFromSocial: 0, skipped: 0 },
      { created: 0, admittedFromSocial: 0, skipped: 2 },
    ]);
    expect(await learnerCount(vhsId)).toBe(2);
    const entries = await ctx.db
      .selectFrom('auditLog')
      .select('objectId')
      .where('action', '=', 'learner.created')
      .execute();
    expect(entries).toHaveLength(2);
  });

  it('writes a cohort of 4,000 learners and their history in one transaction, past the 65,535 parameters of one statement', async () => {
    const vecId = (await actorOf(ctx, 'unit_clerk', 'SD-VEC')).orgUnitId;
    const now = ctx.clock.now();
    const rows = Array.from({ length: 4000 }, (_, i) => {
      // 4,000 distinct numbers: 1,000 sequence numbers on each of four birth days.
      const day = String(1 + Math.floor(i / 1000)).padStart(2, '0');
      const idNumber = `140421200601${day}${String(i % 1000).padStart(3, '0')}`;
      return {
        schoolId: vecId,
        districtId,
        majorCode: '720601',
        majorName: '美容美体艺术',
        className: '',
        cohortYear: 2021,
        name: `学生${i}`,
        ...identityColumns(ctx.crypto, idNumber + residentIdCheckChar(idNumber), `2006-01-${day}`),
        sex: 'F' as const,
        status: 'enrolled' as const,
        statusSince: '2021-09-01',
        source: 'import' as const,
        enrollmentRegistrationId: null,
        createdBy: null,
        createdAt: now,
        updatedAt: now,
      };
    });
    await ctx.db.transaction().execute(async (trx) => {
      const ids = await insertLearners(trx, rows);
      expect(new Set(ids).size).toBe(4000);
      await insertStatusChanges(
        trx,
        ids.map((learnerId) => ({
          learnerId,
          fromStatus: null,
          toStatus: 'enrolled' as const,
          changedOn: '2021-09-01',
          reason: '导入',
          changedBy: null,
          changedAt: now,
        })),
      );
    });
    expect(await learnerCount(vecId)).toBe(4000);
    const history = await ctx.db
      .selectFrom('learnerStatusChange')
      .innerJoin('learner', 'learner.id', 'learnerStatusChange.learnerId')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('learner.schoolId', '=', vecId)
      .executeTakeFirstOrThrow();
    expect(Number(history.n)).toBe(4000);
  });
});
