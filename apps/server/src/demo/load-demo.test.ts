import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALERT_KINDS_BY_SOURCE } from '@zhijiao/contracts';
import { internshipDutyOf } from '../modules/internships/index.ts';
import { verifyAuditChain } from '../platform/audit/audit-verify.ts';
import type { Runtime } from '../runtime.ts';
import { SHANGDANG_VERSION } from '../test/shangdang-plan.ts';
import { createDemoTestContext, type DemoLoadAnswer, type TestContext } from '../test/test-context.ts';
import { demoActor } from './demo-actors.ts';

describe('the demo data', () => {
  let ctx: TestContext;
  let rt: Runtime;
  let loaded: DemoLoadAnswer;
  // The run's one load of the demo (`loadDemo` on 29 November 2026, as `npm start` loads it),
  // shared with the other demo-reading suites: this suite checks what that load wrote.
  beforeAll(async () => {
    ({ ctx, rt, loaded } = await createDemoTestContext());
  }, 600_000);
  afterAll(() => ctx?.close());

  it('loads a district’s records through the service use cases, and the audit chain holds', async () => {
    const { usernames, summary } = loaded;
    expect(usernames).toEqual(
      expect.arrayContaining(['coordinator', 'finance', 'hrss', 'vhs', 'inspector', 'iit', 'yitong']),
    );
    expect(summary).toMatch(/督导问题/);
    // A few dozen enterprises on the register, each with 2020–2022 and this year's figures.
    const enterprises = (await ctx.db.selectFrom('enterprise').select('orgUnitId').execute()).length;
    expect(enterprises).toBeGreaterThanOrEqual(30);
    expect(summary).toContain(`${enterprises} 家企业（${enterprises * 4} 个年度记录）`);

    const orders = await ctx.db.selectFrom('rectificationOrder').select(['state', 'dueDate']).execute();
    const states = new Set(orders.map((o) => o.state));
    expect(states).toEqual(new Set(['issued', 'answered', 'closed']));
    // Some orders are past their deadline (黄/红), one is due soon (蓝).
    expect(
      orders.filter((o) => o.state !== 'closed' && o.dueDate < '2026-11-29').length,
    ).toBeGreaterThanOrEqual(2);
    // The plan's years 2020–2022 are history: 定期 every year, 专项 from 2021, all completed;
    // this year one inspection is done and one runs.
    const inspections = await ctx.db
      .selectFrom('inspection')
      .select(['kind', 'state', 'startsOn'])
      .orderBy('startsOn')
      .execute();
    expect(inspections.map((i) => `${i.startsOn.slice(0, 4)} ${i.kind} ${i.state}`)).toEqual([
      '2020 regular completed',
      '2021 regular completed',
      '2021 special completed',
      '2022 regular completed',
      '2022 special completed',
      '2026 regular completed',
      '2026 special in_progress',
    ]);
    expect(orders.filter((o) => o.dueDate < '2023-01-01').every((o) => o.state === 'closed')).toBe(true);

    // Two meetings a year in 2020–2022, closed with every decision done; this year's two open.
    const meetings = await ctx.db.selectFrom('meeting').select(['state']).orderBy('meetingDate').execute();
    expect(meetings.map((m) => m.state)).toEqual([...Array(6).fill('closed'), 'minutes_final', 'planned']);
    const items = await ctx.db.selectFrom('actionItem').select(['state', 'deadline']).execute();
    expect(items).toHaveLength(24);
    expect(items.filter((i) => i.deadline < '2023-01-01').every((i) => i.state === 'completed')).toBe(true);

    const consultation = await ctx.db.selectFrom('consultation').select(['status']).execute();
    expect(consultation.map((c) => c.status)).toEqual(['open']);
    const comments = await ctx.db.selectFrom('consultationComment').select(['status', 'decision']).execute();
    expect(comments.map((c) => c.status).sort()).toEqual([
      'pending',
      'pending',
      'pending',
      'published',
      'published',
      'published',
    ]);
    const current = await ctx.db
      .selectFrom('plan')
      .select(['version', 'status'])
      .where('isCurrent', '=', true)
      .execute();
    expect(current).toEqual([{ version: SHANGDANG_VERSION, status: 'published' }]);

    // A finished enrolment season of 2026, after a smaller closed one in each of the plan's years
    // (2020–2022): both batches of each published, 报到 recorded by the schools.
    const seasons = await ctx.db
      .selectFrom('enrollmentSeason')
      .select(['id', 'admissionYear', 'state'])
      .orderBy('admissionYear')
      .execute();
    expect(seasons.map((x) => [x.admissionYear, x.state])).toEqual([
      [2020, 'closed'],
      [2021, 'closed'],
      [2022, 'closed'],
      [2026, 'open'],
    ]);
    const runs = await ctx.db.selectFrom('enrollmentRun').select(['state']).execute();
    expect(runs.map((r) => r.state)).toEqual(Array(8).fill('published'));
    const placed = await ctx.db
      .selectFrom('enrollmentPlacement as pl')
      .innerJoin('enrollmentProgram as p', 'p.id', 'pl.programId')
      .leftJoin('enrollmentRegistration as r', 'r.candidateId', 'pl.candidateId')
      .select(['p.track', 'p.code', 'r.status', 'r.reason'])
      .execute();
    expect(new Set(placed.map((p) => p.track))).toEqual(new Set(['general', 'vocational']));
    expect(placed.every((p) => p.status !== null)).toBe(true);
    const declined = placed.filter((p) => p.status === 'declined');
    expect(declined.length).toBeGreaterThan(0);
    expect(declined.length).toBeLessThan(placed.length / 10);
    expect(declined.every((p) => p.reason)).toBe(true);
    expect(summary).toMatch(/\d+ 名中考考生、\d+ 人录取、\d+ 人报到/);
    // 职普比 of the demo's admission year, as the plan's T03 metric computes it for that year.
    const district = await ctx.db
      .selectFrom('orgUnit')
      .select('id')
      .where('code', '=', 'SD')
      .executeTakeFirstOrThrow();
    const year = seasons.at(-1)!.admissionYear;
    const share = await ctx.services.metrics.compute('enrollment.vocationalShare', {
      db: ctx.db,
      orgUnitId: district.id,
      period: { startsOn: `${year}-01-01`, endsOn: `${year}-12-31` },
      today: '2026-11-29',
      exact: true,
    });
    expect(share.value).toBeGreaterThan(40);
    expect(share.value).toBeLessThan(60);
    // The teachers' history in the plan's years: the 双师型 target (60 %) met at the deadline.
    const dualQualified = await ctx.services.metrics.compute('teachers.dualQualifiedShare', {
      db: ctx.db,
      orgUnitId: district.id,
      period: { startsOn: '2022-10-01', endsOn: '2022-12-31' },
      today: '2022-12-31',
    });
    expect(dualQualified.value).toBeGreaterThanOrEqual(60);

    const chain = await verifyAuditChain(ctx.db);
    expect(chain.problems).toEqual([]);
    expect(chain.ok).toBe(true);
  }, 120_000);

  it('raises alerts from the modules with deadlines, each of a known kind, addressed and linked', async () => {
    const coordinator = await demoActor(rt, 'coordinator');
    const alerts = await ctx.services.alertSources.collect(coordinator, 'zh', '2026-11-29');
    const known: Record<string, readonly string[]> = ALERT_KINDS_BY_SOURCE;
    for (const a of alerts) {
      expect(known[a.source], a.id).toContain(a.kind);
      expect(a.link, a.id).toMatch(/^\//);
      expect(a.unit.name, a.id).not.toBe('');
    }
    // Today's open work: 《网店运营》 was approved over a year ago and its mid-term check is overdue.
    expect(new Set(alerts.map((a) => a.source))).toContain('programs');
  });

  it("computes task （十三）'s 2 % indicator from the register and the posts, as an independent sum gives it", async () => {
    const district = await ctx.db
      .selectFrom('orgUnit')
      .select('id')
      .where('code', '=', 'SD')
      .executeTakeFirstOrThrow();
    for (const year of [2020, 2021, 2022]) {
      // By hand: the places of the posts published that year by enterprises 规上 that year with a
      // staff count on file, over their staff.
      const judged = await ctx.db
        .selectFrom('enterpriseYear')
        .select(['enterpriseId', 'staff'])
        .where('year', '=', year)
        .where('aboveScale', '=', true)
        .where('staff', 'is not', null)
        .execute();
      const ids = judged.map((j) => j.enterpriseId);
      const posts = ids.length
        ? await ctx.db
            .selectFrom('internshipPost')
            .select('places')
            .where('year', '=', year)
            .where('state', 'in', ['published', 'closed'])
            .where('enterpriseId', 'in', ids)
            .execute()
        : [];
      const places = posts.reduce((n, p) => n + p.places, 0);
      const staff = judged.reduce((n, j) => n + j.staff!, 0);
      expect(staff, String(year)).toBeGreaterThan(0);
      const value = await ctx.services.metrics.compute('internships.aboveScalePostShare', {
        db: ctx.db,
        orgUnitId: district.id,
        period: { startsOn: `${year}-01-01`, endsOn: `${year}-12-31` },
        today: '2026-11-29',
        exact: true,
      });
      expect([value.numerator, value.denominator], String(year)).toEqual([places, staff]);
      expect(value.value, String(year)).toBeCloseTo((places / staff) * 100, 2);
      // One drill-down row per enterprise 规上 or not yet judged, each its own share.
      expect(value.drillDown.map((d) => d.ref?.id)).toEqual(expect.arrayContaining(ids));
    }
  });

  it('judges this year’s 2 % duty for most enterprises: 易通集团 meets it, 振东集团 and several others fall short', async () => {
    const units = await ctx.db
      .selectFrom('enterprise as e')
      .innerJoin('orgUnit as o', 'o.id', 'e.orgUnitId')
      .select(['o.id', 'o.name', 'o.code'])
      .execute();
    const duties = await Promise.all(
      units.map(async (u) => ({ ...u, duty: await internshipDutyOf(ctx.db, u.id, 2026) })),
    );
    const judged = duties.filter((d) => d.duty === 'met' || d.duty === 'short');
    expect(judged.length).toBeGreaterThan(units.length / 2);
    expect(duties.find((d) => d.code === 'SD-YITONG')?.duty).toBe('met');
    expect(duties.find((d) => d.code === 'SD-ZHENDONG')?.duty).toBe('short');
    expect(judged.filter((d) => d.duty === 'short' && d.code !== 'SD-ZHENDONG').length).toBeGreaterThan(5);
    // A few cannot be judged yet (no revenue on file, or an industry the list alone decides).
    expect(duties.filter((d) => d.duty === 'not_judged').length).toBeGreaterThan(0);
  });
});
