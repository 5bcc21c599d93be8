import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoActor } from '../../demo/demo-actors.ts';
import { verifyAuditChain } from '../../platform/audit/audit-verify.ts';
import {
  createTestContext,
  createUser,
  demoContext,
  runtimeOf,
  seedShangdang,
  type TestContext,
} from '../../test/test-context.ts';
import type { InternshipsModule } from './index.ts';
import { internshipsDemo } from './internships.demo.ts';

const TODAY = '2026-11-29';

describe('the internships demo', () => {
  let ctx: TestContext;
  let summary: { zh: string; en: string };
  const actor = (username: string) => demoActor(runtimeOf(ctx), username);

  beforeAll(async () => {
    ctx = await createTestContext({ now: `${TODAY}T02:00:00Z` });
    await seedShangdang(ctx);
    // The demo accounts it acts as: the two enterprises' liaisons and the two schools' clerks.
    await createUser(ctx, 'unit_clerk', 'SD-YITONG', 'yitong');
    await createUser(ctx, 'unit_clerk', 'SD-ZHENDONG', 'zhendong');
    await createUser(ctx, 'unit_clerk', 'SD-VHS', 'vhs');
    await createUser(ctx, 'unit_clerk', 'SD-VEC', 'vec');
    await createUser(ctx, 'coordinator', 'SD-EDU', 'coordinator');
    summary = await internshipsDemo(
      demoContext<InternshipsModule>(ctx, 'internships', TODAY, [2020, 2021, 2022]),
    );
  }, 120_000);
  afterAll(() => ctx?.close());

  it('loads posts at both enterprises and placements of both schools for each plan year and today', async () => {
    expect(summary).toEqual({
      zh: '12 个实习岗位、19 项实习安排、3 起实习事故报告',
      en: '12 internship posts, 19 placements, 3 incident reports',
    });
    const placements = await ctx.db
      .selectFrom('internshipPlacement')
      .select(['state', 'startsOn', 'endsOn', 'insuranceEndsOn'])
      .execute();
    const byYear = (y: string) => placements.filter((p) => p.startsOn.startsWith(y)).map((p) => p.state);
    for (const year of ['2020', '2021', '2022']) expect(byYear(year)).toEqual(Array(5).fill('completed'));
    expect(
      placements
        .filter((p) => p.startsOn > '2026-01-01')
        .map((p) => p.state)
        .sort(),
    ).toEqual(['active', 'active', 'active', 'draft']);
    expect(await ctx.db.selectFrom('internshipAttendance').select('id').execute()).not.toEqual([]);
    // A past year's post is closed once its internships are over, the week's visit too.
    const posts = await ctx.db.selectFrom('internshipPost').select(['state', 'endsOn']).execute();
    expect(posts.filter((p) => p.endsOn < TODAY && p.state !== 'closed')).toEqual([]);
    expect((await verifyAuditChain(ctx.db)).ok).toBe(true);
  });

  it('completes the past years with both evaluations of each 岗位实习 and the school’s of each visit, keeping the result', async () => {
    const done = await ctx.db
      .selectFrom('internshipPlacement as p')
      .innerJoin('internshipPost as po', 'po.id', 'p.postId')
      .select(['p.id', 'po.kind', 'p.result'])
      .where('p.state', '=', 'completed')
      .execute();
    const evaluations = await ctx.db
      .selectFrom('internshipEvaluation')
      .select(['placementId', 'party'])
      .execute();
    expect(done).toHaveLength(15);
    for (const p of done) {
      const parties = evaluations
        .filter((e) => e.placementId === p.id)
        .map((e) => e.party)
        .sort();
      expect(parties).toEqual(p.kind === 'post' ? ['enterprise', 'school'] : ['school']);
      expect(p.result).not.toBeNull();
    }
  });

  it('keeps past incident reports: an injury with the insurer notified, a minor loss without injury', async () => {
    const incidents = await ctx.db
      .selectFrom('internshipIncident')
      .select(['kind', 'severity', 'reportedByParty', 'insurerNotifiedAt', 'policyNumber'])
      .orderBy('occurredAt')
      .execute();
    expect(
      incidents.map((i) => [i.kind, i.severity, i.reportedByParty, i.insurerNotifiedAt !== null]),
    ).toEqual([
      ['accidental_injury', 'serious', 'enterprise', true],
      ['property_loss', 'minor', 'enterprise', false],
      ['work_injury', 'minor', 'school', true],
    ]);
    expect(incidents.every((i) => i.policyNumber !== null)).toBe(true);
  });

  it('gives full insurance coverage in the plan’s years and shows this year’s gap', async () => {
    const district = (
      await ctx.db.selectFrom('orgUnit').select('id').where('code', '=', 'SD').executeTakeFirstOrThrow()
    ).id;
    const coverage = async (year: number) =>
      (
        await ctx.services.metrics.compute('internships.insuranceCoverage', {
          db: ctx.db,
          orgUnitId: district,
          period: { startsOn: `${year}-01-01`, endsOn: `${year}-12-31` },
          today: TODAY,
          exact: true,
        })
      ).value;
    expect([await coverage(2020), await coverage(2021), await coverage(2022)]).toEqual([100, 100, 100]);
    expect(await coverage(2026)).toBeCloseTo(66.7, 1);
  });

  it('leaves each party its open work: alerts, the school’s missing insurance, the enterprise’s draft', async () => {
    const alerts = await ctx.services.alertSources.collect(await actor('coordinator'), 'zh', TODAY);
    expect(alerts.filter((a) => a.source === 'internships').map((a) => a.kind)).toEqual([
      'insurance_gap',
      'attendance_violation',
    ]);
    const vec = await ctx.services.todoSources.collect(await actor('vec'), 'zh', TODAY);
    expect(vec.items.filter((t) => t.source === 'internships').map((t) => t.kind)).toEqual([
      'placement_documents',
    ]);
    const zhendong = await ctx.services.todoSources.collect(await actor('zhendong'), 'zh', TODAY);
    expect(zhendong.items.filter((t) => t.source === 'internships').map((t) => t.kind)).toEqual([
      'post_to_publish',
    ]);
  });
});
