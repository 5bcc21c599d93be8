import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, seedShangdang, type Client, type TestContext } from '../../test/test-context.ts';
import { VOCATIONAL_SHARE_METRIC } from './enrollment.metrics.ts';
import { residentId, runWholeSeason, userClient, type SeasonFixture } from './enrollment.test-helpers.ts';
import { LOOKUP_LIMIT } from './results.rules.ts';

type Res = { statusCode: number; body: string; json(): unknown };
const codeOf = (res: Res) => (res.json() as { error: { code: string } }).error.code;

describe('results, admitted lists, 报到 and the 职普比 metric', () => {
  let ctx: TestContext;
  let f: SeasonFixture;
  let vhs: Client;
  let vec: Client;
  let hs1: Client;
  let ipCounter = 0;
  const lookup = (body: Record<string, unknown>, ip = `10.0.0.${++ipCounter}`) =>
    ctx.app.inject({
      method: 'POST',
      url: '/api/public/enrollment/result-lookups',
      payload: body,
      remoteAddress: ip,
    });
  const id = (exam: string) => f.candidates.get(exam)!;

  beforeAll(async () => {
    ctx = await createTestContext();
    await seedShangdang(ctx);
    ({ f } = await runWholeSeason(ctx));
    vhs = await userClient(ctx, 'unit_clerk', 'SD-VHS');
    vec = await userClient(ctx, 'unit_clerk', 'SD-VEC');
    hs1 = await userClient(ctx, 'unit_clerk', 'SD-HS1');
  });
  afterAll(() => ctx?.close());

  it('tells a candidate their result and the cut-off of every program listed above it', async () => {
    const res = await lookup({ seasonId: f.seasonId, examNumber: '210003', idNumber: residentId(3, 'F') });
    expect(res.statusCode, res.body).toBe(200);
    const { result } = res.json() as {
      result: {
        status: string;
        admission: { programCode: string; choice: number };
        why: Array<{ batch: string; programCode: string; cutoff: number | null }>;
      };
    };
    expect(result.status).toBe('admitted');
    expect(result.admission).toMatchObject({ programCode: 'VEC-BEAUTY', choice: 1 });
    expect(result.why).toEqual([
      expect.objectContaining({ batch: '普高批', programCode: 'HS1-GEN', cutoff: 325 }),
    ]);
    const weld = (
      await lookup({ seasonId: f.seasonId, examNumber: '210005', idNumber: residentId(5, 'F') })
    ).json() as { result: { why: Array<{ programCode: string; cutoff: number | null }> } };
    expect(weld.result.why.map((w) => [w.programCode, w.cutoff])).toEqual([
      ['HS1-GEN', 325],
      ['VEC-BEAUTY', 300],
    ]);
    expect(res.body).not.toContain(residentId(3, 'F'));
  });

  it('answers a wrong ID number exactly like an unknown exam number, and audits both', async () => {
    const wrongId = await lookup({
      seasonId: f.seasonId,
      examNumber: '210003',
      idNumber: residentId(4, 'M'),
    });
    const unknown = await lookup({
      seasonId: f.seasonId,
      examNumber: '299999',
      idNumber: residentId(3, 'F'),
    });
    expect(wrongId.statusCode).toBe(404);
    expect(wrongId.body).toBe(unknown.body);
    const rows = await ctx.db
      .selectFrom('auditLog')
      .select(['result', 'ip'])
      .where('action', '=', 'enrollment.result.lookup')
      .execute();
    expect(rows.filter((r) => r.result === 'failure')).toHaveLength(2);
  });

  it('rate-limits look-ups per IP address (429 RATE_LIMITED), counting in the database', async () => {
    const body = { seasonId: f.seasonId, examNumber: '210001', idNumber: residentId(1, 'M') };
    for (let i = 0; i < LOOKUP_LIMIT; i++) expect((await lookup(body, '10.9.9.9')).statusCode).toBe(200);
    const limited = await lookup(body, '10.9.9.9');
    expect(limited.statusCode).toBe(429);
    expect(codeOf(limited)).toBe('RATE_LIMITED');
    expect((await lookup(body, '10.9.9.10')).statusCode).toBe(200);
    ctx.clock.advance(16 * 60_000);
    expect((await lookup(body, '10.9.9.9')).statusCode).toBe(200);
  });

  it('publishes cut-offs and fill rates with counts only', async () => {
    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/public/enrollment/seasons/${f.seasonId}/cutoffs`,
    });
    expect(res.statusCode).toBe(200);
    const { programs } = res.json() as {
      programs: Array<{ code: string; admitted: number; fillRate: number; cutoff: number | null }>;
    };
    expect(programs.map((p) => [p.code, p.admitted, p.fillRate, p.cutoff])).toEqual([
      ['HS1-GEN', 2, 1, 325],
      ['VEC-BEAUTY', 1, 1, 300],
      ['VHS-WELD', 2, 1, 200],
    ]);
    expect(res.body).not.toMatch(/2100\d\d|140421/);
  });

  it('shows a receiving school its own admitted list with masked IDs, and 招生办 all of them', async () => {
    const res = await vhs.get(`/api/enrollment/seasons/${f.seasonId}/admissions`);
    expect(res.statusCode).toBe(200);
    const list = res.json() as {
      items: Array<{ examNumber: string; idMasked: string; score: number }>;
      abilities: { register: boolean };
    };
    expect(list.items.map((i) => [i.examNumber, i.score])).toEqual([
      ['210004', 250],
      ['210005', 200],
    ]);
    expect(list.items[0]!.idMasked).toMatch(/^140421\*{8}/);
    expect(res.body).not.toContain(residentId(4, 'M'));
    expect(list.abilities.register).toBe(true);
    const other = (
      await hs1.get(`/api/enrollment/seasons/${f.seasonId}/admissions?programId=${f.programs.weld}`)
    ).json() as { items: unknown[] };
    expect(other.items).toEqual([]);
    const all = (await f.coordinator.get(`/api/enrollment/seasons/${f.seasonId}/admissions`)).json() as {
      items: unknown[];
    };
    expect(all.items).toHaveLength(5);
  });

  it('records 报到, requires a reason for a candidate who did not enrol, and refuses other schools', async () => {
    const noReason = await vhs.put(`/api/enrollment/candidates/${id('210005')}/registration`, {
      status: 'declined',
    });
    expect(noReason.statusCode).toBe(400);
    expect(
      (noReason.json() as { error: { details: Array<{ field: string }> } }).error.details[0]!.field,
    ).toBe('reason');
    expect(
      (
        await vhs.put(`/api/enrollment/candidates/${id('210005')}/registration`, {
          status: 'declined',
          reason: '转学外地',
        })
      ).statusCode,
    ).toBe(200);
    const ok = await vhs.put(`/api/enrollment/candidates/${id('210004')}/registration`, {
      status: 'registered',
    });
    expect(ok.json()).toMatchObject({
      admission: { examNumber: '210004', registration: { status: 'registered' } },
    });
    expect(
      (await hs1.put(`/api/enrollment/candidates/${id('210004')}/registration`, { status: 'registered' }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await f.coordinator.put(`/api/enrollment/candidates/${id('210004')}/registration`, {
          status: 'registered',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await vec.put(`/api/enrollment/candidates/${id('210003')}/registration`, { status: 'registered' }))
        .statusCode,
    ).toBe(200);
    // Confirmed at once: all or nothing, each refused candidate named, an audit row each.
    const registrationOf = async (exam: string) =>
      (
        await ctx.db
          .selectFrom('enrollmentRegistration')
          .select('status')
          .where('candidateId', '=', id(exam))
          .executeTakeFirst()
      )?.status ?? null;
    const mixed = await hs1.post('/api/enrollment/registrations', {
      candidateIds: [id('210001'), id('210004')],
    });
    expect(mixed.statusCode).toBe(400);
    expect((mixed.json() as { error: { details: unknown } }).error.details).toEqual([
      expect.objectContaining({ field: 'candidateIds[1]', code: 'NOT_FOUND', message: '未找到该录取考生' }),
    ]);
    expect(await registrationOf('210001')).toBeNull();
    expect(
      (await f.coordinator.post('/api/enrollment/registrations', { candidateIds: [id('210001')] }))
        .statusCode,
    ).toBe(403);
    const both = await hs1.post('/api/enrollment/registrations', {
      candidateIds: [id('210001'), id('210002')],
    });
    expect(both.json()).toEqual({ registered: 2 });
    expect([await registrationOf('210001'), await registrationOf('210002')]).toEqual([
      'registered',
      'registered',
    ]);
    const audited = await ctx.db
      .selectFrom('auditLog')
      .select('objectId')
      .where('action', '=', 'enrollment.registration.record')
      .where('objectId', 'in', [id('210001'), id('210002')])
      .execute();
    expect(audited).toHaveLength(2);
  });

  it('computes 职普比 from registrations in scope, with numerator, denominator and drill-down', async () => {
    const district = (
      await ctx.db.selectFrom('orgUnit').select('id').where('code', '=', 'SD').executeTakeFirstOrThrow()
    ).id;
    const compute = (orgUnitId: string, year: number) =>
      ctx.services.metrics.compute(VOCATIONAL_SHARE_METRIC, {
        db: ctx.db,
        orgUnitId,
        period: { startsOn: `${year}-01-01`, endsOn: `${year}-12-31` },
        today: '2021-07-01',
      });
    const v = await compute(district, 2021);
    expect([v.value, v.numerator, v.denominator]).toEqual([50, 2, 4]);
    expect(
      v.drillDown
        .filter((d) => d.ref?.type === 'enrollment_program')
        .map((d) => d.value)
        .sort(),
    ).toEqual([1, 1, 2]);
    expect(v.drillDown.filter((d) => d.ref?.type === 'org_unit')).toHaveLength(3);
    // A yearly number keeps the latest season's value until the next 报到; before any season, none.
    expect(await compute(district, 2022)).toMatchObject({ value: 50, numerator: 2, denominator: 4 });
    expect((await compute(district, 2020)).denominator).toBe(0);
    const vhsUnit = (
      await ctx.db.selectFrom('orgUnit').select('id').where('code', '=', 'SD-VHS').executeTakeFirstOrThrow()
    ).id;
    expect(await compute(vhsUnit, 2021)).toMatchObject({ value: 100, numerator: 1, denominator: 1 });
  });

  it('shows the registrations’ 职普比 as the value of the plan’s T03 indicator, which the plan file computes', async () => {
    // The seeded plan file names the metric for T03: no bureau reports it.
    const t03 = await ctx.db
      .selectFrom('indicator')
      .innerJoin('plan', 'plan.id', 'indicator.planId')
      .select(['indicator.kind', 'indicator.metric'])
      .where('plan.isCurrent', '=', true)
      .where('indicator.code', '=', 'T03-VOC-SHARE')
      .executeTakeFirstOrThrow();
    expect(t03).toEqual({ kind: 'computed', metric: VOCATIONAL_SHARE_METRIC });
    // The share of the season's registrations (2021): 2 中职 of 4 registered.
    const district = await ctx.db
      .selectFrom('orgUnit')
      .select('id')
      .where('code', '=', 'SD')
      .executeTakeFirstOrThrow();
    const share = await ctx.services.metrics.compute(VOCATIONAL_SHARE_METRIC, {
      db: ctx.db,
      orgUnitId: district.id,
      period: { startsOn: '2021-01-01', endsOn: '2021-12-31' },
      today: '2021-07-01',
    });
    expect([share.value, share.numerator, share.denominator]).toEqual([50, 2, 4]);
    const res = await f.coordinator.get('/api/plans/shangdang-vet-2020/indicators');
    expect(res.statusCode, res.body).toBe(200);
    const ind = (
      res.json() as {
        items: Array<{ code: string; kind: string; latestValue: number | null; latestPeriod: string | null }>;
      }
    ).items.find((i) => i.code === 'T03-VOC-SHARE');
    expect(ind).toMatchObject({ kind: 'computed', latestValue: share.value });
    expect(ind?.latestPeriod).toBeTruthy();
  });

  it('prints the admission notice for the receiving school and for the candidate, without the ID number', async () => {
    const staff = await vhs.get(`/api/enrollment/candidates/${id('210004')}/admission-notice.pdf`);
    expect(staff.statusCode).toBe(200);
    expect(staff.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(
      (await hs1.get(`/api/enrollment/candidates/${id('210004')}/admission-notice.pdf`)).statusCode,
    ).toBe(404);
    const own = await ctx.app.inject({
      method: 'POST',
      url: '/api/public/enrollment/admission-notices',
      payload: { seasonId: f.seasonId, examNumber: '210004', idNumber: residentId(4, 'M') },
      remoteAddress: '10.1.1.1',
    });
    expect(own.statusCode).toBe(200);
    expect(own.headers['content-type']).toBe('application/pdf');
  });
});
