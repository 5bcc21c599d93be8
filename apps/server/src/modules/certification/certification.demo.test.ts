import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoTestContext, type TestContext } from '../../test/test-context.ts';

/**
 * The whole demo district, every module's demo in order: certification reads the cooperation,
 * training-bases, internships and programs records the demos before it wrote, so 易通集团 is
 * certified on evidence measured from them and the two T12 milestones complete.
 */
describe('the certification demo on the whole demo district', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ({ ctx } = await createDemoTestContext());
  }, 900_000);
  afterAll(() => ctx?.close());

  it('certifies 易通集团 on measured evidence, refuses 振东集团 with the tax bureau’s reason', async () => {
    const rows = await ctx.db
      .selectFrom('certificationApplication as a')
      .innerJoin('orgUnit as u', 'u.id', 'a.enterpriseId')
      .select(['u.code', 'a.state', 'a.year'])
      .orderBy('a.year')
      .orderBy('u.code')
      .execute();
    expect(rows.find((r) => r.code === 'SD-ZHENDONG')?.state).toBe('refused');
    const yitong = rows.filter((r) => r.code === 'SD-YITONG');
    expect(yitong.length).toBeGreaterThan(0);
    expect(yitong.some((r) => r.state === 'certified')).toBe(true);
  });

  it('completes T12-PCI-ENTERPRISES and T12-INCENTIVES from the records', async () => {
    const district = (
      await ctx.db.selectFrom('orgUnit').select('id').where('code', '=', 'SD').executeTakeFirstOrThrow()
    ).id;
    for (const name of ['certification.certifiedEnterprises', 'certification.combinedIncentivesGranted']) {
      const { value } = await ctx.services.metrics.compute(name, {
        db: ctx.db,
        orgUnitId: district,
        period: { startsOn: '2020-01-01', endsOn: '2022-12-31' },
        today: '2026-11-29',
      });
      expect(value, name).toBeGreaterThanOrEqual(1);
    }
  });
});
