import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../platform/audit/audit-verify.ts';
import {
  createTestContext,
  createUser,
  demoContext,
  seedShangdang,
  type TestContext,
} from '../../test/test-context.ts';
import { makeCandidates, PAST_SEASONS } from './enrollment.demo-data.ts';
import { loadEnrollmentDemo } from './enrollment.demo.ts';
import type { EnrollmentModule } from './index.ts';

const TODAY = '2026-11-29';

describe('the enrolment demo with the plan’s years 2020–2022', () => {
  let ctx: TestContext;
  let district: string;
  const metric = (name: string, startsOn: string, endsOn: string, exact?: boolean) =>
    ctx.services.metrics.compute(name, {
      db: ctx.db,
      orgUnitId: district,
      period: { startsOn, endsOn },
      today: TODAY,
      ...(exact === undefined ? {} : { exact }),
    });
  // As the plan judges T03-VOC-SHARE: one calendar year at a time, only that year's season.
  const shareOf = (year: number) =>
    metric('enrollment.vocationalShare', `${year}-01-01`, `${year}-12-31`, true);

  beforeAll(async () => {
    ctx = await createTestContext({ now: `${TODAY}T02:00:00Z` });
    await seedShangdang(ctx);
    district = (
      await ctx.db.selectFrom('orgUnit').select('id').where('code', '=', 'SD').executeTakeFirstOrThrow()
    ).id;
    // The demo accounts it acts as: 招生办, the junior highs' and the receiving schools' clerks.
    await createUser(ctx, 'coordinator', 'SD-EDU', 'coordinator');
    for (const [username, org] of [
      ['jhs1', 'SD-JHS1'],
      ['jhs2', 'SD-JHS2'],
      ['hs1', 'SD-HS1'],
      ['vhs', 'SD-VHS'],
      ['vec', 'SD-VEC'],
    ] as const)
      await createUser(ctx, 'unit_clerk', org, username);
  }, 120_000);
  afterAll(() => ctx?.close());

  it('publishes a season in each plan year before the present one, through the use cases', async () => {
    const loaded = await loadEnrollmentDemo(
      demoContext<EnrollmentModule>(ctx, 'enrollment', TODAY, [2020, 2021, 2022]),
    );
    expect(loaded).toEqual({
      candidates: 400,
      placed: 378,
      registered: 349,
      pastSeasons: [2020, 2021, 2022],
    });

    const seasons = await ctx.db
      .selectFrom('enrollmentSeason as s')
      .select([
        's.admissionYear',
        's.state',
        (eb) =>
          eb
            .selectFrom('enrollmentCandidate as c')
            .select((e) => e.fn.countAll<number>().as('n'))
            .whereRef('c.seasonId', '=', 's.id')
            .as('candidates'),
      ])
      .orderBy('s.admissionYear')
      .execute();
    // The past seasons are over and closed; the present one stays open for its 报到 corrections.
    expect(seasons.map((s) => [s.admissionYear, s.state, Number(s.candidates)])).toEqual([
      [2020, 'closed', PAST_SEASONS[2020]!.candidates],
      [2021, 'closed', PAST_SEASONS[2021]!.candidates],
      [2022, 'closed', PAST_SEASONS[2022]!.candidates],
      [2026, 'open', 400],
    ]);
    const runs = await ctx.db.selectFrom('enrollmentRun').select('state').execute();
    expect(runs.map((r) => r.state)).toEqual(Array(8).fill('published'));
    // Every admitted student's 报到 is recorded, in both tracks of every year.
    const placed = await ctx.db
      .selectFrom('enrollmentPlacement as pl')
      .innerJoin('enrollmentProgram as p', 'p.id', 'pl.programId')
      .innerJoin('enrollmentSeason as s', 's.id', 'p.seasonId')
      .leftJoin('enrollmentRegistration as r', 'r.candidateId', 'pl.candidateId')
      .select(['s.admissionYear', 'p.track', 'r.status'])
      .execute();
    expect(placed.every((p) => p.status !== null)).toBe(true);
    expect(new Set(placed.map((p) => `${p.admissionYear} ${p.track}`)).size).toBe(8);
    expect((await verifyAuditChain(ctx.db)).ok).toBe(true);
  }, 240_000);

  it('gives the plan’s yearly 职普比 a realistic mix: 2020 missed, 2021 and 2022 within 45–55 %', async () => {
    expect(await shareOf(2020)).toMatchObject({ value: 43.3, numerator: 13, denominator: 30 });
    expect(await shareOf(2021)).toMatchObject({ value: 46.9, numerator: 15, denominator: 32 });
    expect(await shareOf(2022)).toMatchObject({ value: 51.7, numerator: 15, denominator: 29 });
    // The years between have no season of their own: 无数据, not last year's number.
    expect(await shareOf(2023)).toMatchObject({ denominator: 0 });
    expect(await shareOf(2026)).toMatchObject({ value: 48.7, numerator: 170, denominator: 349 });
  });

  it('completes the unified-platform milestone with the 2020 season’s first publication', async () => {
    const seasonsPublished = (endsOn: string) => metric('enrollment.seasonsPublished', '2020-01-01', endsOn);
    expect((await seasonsPublished('2020-07-02')).value).toBe(0);
    const first = await seasonsPublished('2020-12-31');
    expect(first.value).toBe(1);
    expect(first.drillDown?.[0]?.label).toContain('2020-07-03');
    expect((await seasonsPublished('2022-12-31')).value).toBe(3);
  });

  it('imports the past candidates as the present ones: ID numbers only encrypted, found by look-up', async () => {
    const c = makeCandidates(2020, PAST_SEASONS[2020]!.candidates)[0]!;
    const row = await ctx.db
      .selectFrom('enrollmentCandidate')
      .selectAll()
      .where('examNumber', '=', c.exam)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(c.id);
    expect(row.idMasked).toContain('*');

    // The public pages list every season newest first; a past one still answers its candidates.
    const list = await ctx.app.inject({ method: 'GET', url: '/api/public/enrollment/seasons' });
    const items = (list.json() as { items: Array<{ id: string; admissionYear: number }> }).items;
    expect(items.map((s) => s.admissionYear)).toEqual([2026, 2022, 2021, 2020]);
    const lookup = await ctx.app.inject({
      method: 'POST',
      url: '/api/public/enrollment/result-lookups',
      payload: { seasonId: row.seasonId, examNumber: c.exam, idNumber: c.id },
    });
    expect(lookup.statusCode).toBe(200);
    expect((lookup.json() as { result: { examNumber: string } }).result.examNumber).toBe(c.exam);
    const cutoffs = await ctx.app.inject({
      method: 'GET',
      url: `/api/public/enrollment/seasons/${row.seasonId}/cutoffs`,
    });
    expect(cutoffs.statusCode).toBe(200);
    const programs = (cutoffs.json() as { programs: Array<{ code: string }> }).programs;
    const offered = [PAST_SEASONS[2020]!.general, ...PAST_SEASONS[2020]!.vocational];
    expect(programs.map((p) => p.code).sort()).toEqual(offered.map((p) => p.code).sort());
  });
});
