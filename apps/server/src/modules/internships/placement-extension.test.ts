import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors/app-error.ts';
import { demoContext } from '../../test/test-context.ts';
import { createInternshipsServices } from './index.ts';
import {
  codeOf,
  createInternshipWorld,
  detailsOf,
  fileDocuments,
  idNumber,
  placeStudent,
  publishPost,
  uploadPdf,
  type InternshipWorld,
} from './internships.test-helpers.ts';

/** 延长实习: the longer placement must still pass every check of 启动实习 (review finding). */
describe('extending a running placement', () => {
  let w: InternshipWorld;
  beforeAll(async () => {
    w = await createInternshipWorld('2024-02-20T02:00:00Z');
  });
  afterAll(() => w?.ctx.close());

  it('refuses a new end the liability insurance does not reach, naming the policy; a policy to the new end lets it through', async () => {
    const post = await publishPost(w.zhendong, { places: 5 });
    const id = await placeStudent(w.vec, post);
    await fileDocuments(w.vec, id);
    expect((await w.vec.post(`/api/internship-placements/${id}/activation`)).statusCode).toBe(200);
    const short = await w.vec.post(`/api/internship-placements/${id}/extension`, { endsOn: '2024-10-31' });
    expect([short.statusCode, codeOf(short)]).toEqual([409, 'INTERNSHIP_EXTENSION_REFUSED']);
    const policy = `PZBA${id.slice(0, 8)}`;
    expect(detailsOf(short)).toEqual([
      {
        field: 'insurance.endsOn',
        code: 'INSURANCE_PERIOD_SHORT',
        message: `保单 ${policy} 保险期间 2024-03-01 至 2024-08-31，未覆盖实习期 2024-03-01 至 2024-10-31`,
        messageEn: `Policy ${policy} runs 2024-03-01 to 2024-08-31 and does not cover the placement, 2024-03-01 to 2024-10-31`,
      },
    ]);
    const kept = await w.ctx.db
      .selectFrom('internshipPlacement')
      .select('endsOn')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(kept.endsOn).toBe('2024-08-31');
    const renewed = await w.vec.put(`/api/internship-placements/${id}/documents`, {
      insurance: {
        insurer: '中国人民财产保险',
        policyNumber: 'PZBA-RENEWED',
        startsOn: '2024-03-01',
        endsOn: '2024-10-31',
        premiumPaidBy: 'school',
        fileId: await uploadPdf(w.vec, 'renewed.pdf'),
      },
    });
    expect(renewed.statusCode, renewed.body).toBe(200);
    const extended = await w.vec.post(`/api/internship-placements/${id}/extension`, { endsOn: '2024-10-31' });
    expect(extended.statusCode, extended.body).toBe(200);
    const audit = await w.ctx.db
      .selectFrom('auditLog')
      .select('action')
      .where('objectId', '=', id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action).at(-1)).toBe('internships.placement.extended');
  });

  it('refuses an extension that takes the enterprise over 10 % of its staff in the longer period', async () => {
    // 易通集团 with 20 staff (the look-up a test may pass): two interns at a time at most.
    const demo = demoContext(w.ctx, 'internships');
    const services = createInternshipsServices(demo.depsAt('2024-02-20'), async () => 20);
    const username = (
      await w.ctx.db
        .selectFrom('appUser')
        .select('username')
        .where('orgUnitId', '=', w.units.vec)
        .executeTakeFirstOrThrow()
    ).username;
    const vec = await demo.actor(username);
    const post = await publishPost(w.yitong, { places: 5, title: '数控车床岗位实习' });
    const place = async (seq: number, startsOn: string, endsOn: string) => {
      const id = await placeStudent(w.vec, post, {
        idNumber: idNumber('2005-05-05', seq),
        startsOn,
        endsOn,
      });
      await fileDocuments(w.vec, id, { startsOn: '2024-03-01', endsOn: '2024-08-31' });
      await services.placements.activatePlacement(vec, id);
      return id;
    };
    // Two in March–April and May–August never overlap; each starts alone. With April extended to
    // June, the two run together with a third in May–June: 3 > 10 % of 20.
    const spring = await place(11, '2024-03-01', '2024-04-30');
    await place(13, '2024-05-01', '2024-08-31');
    await place(15, '2024-05-01', '2024-06-30');
    const refusal = await services.placements
      .extendPlacement(vec, spring, { endsOn: '2024-06-30' })
      .catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(AppError);
    expect([(refusal as AppError).status, (refusal as AppError).code]).toEqual([
      409,
      'INTERNSHIP_EXTENSION_REFUSED',
    ]);
    expect((refusal as AppError).details).toEqual([
      {
        field: 'enterprise.otherInterns',
        code: 'ENTERPRISE_SHARE_EXCEEDED',
        message: '加上本次共 3 名岗位实习学生，超过实习单位在岗职工 20 人的 10%',
        messageEn: "With this one, 3 interns exceed 10 % of the enterprise's 20 staff",
      },
    ]);
    const kept = await w.ctx.db
      .selectFrom('internshipPlacement')
      .select('endsOn')
      .where('id', '=', spring)
      .executeTakeFirstOrThrow();
    expect(kept.endsOn).toBe('2024-04-30');
  });
});
