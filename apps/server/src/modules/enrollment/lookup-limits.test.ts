import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, seedShangdang, type TestContext } from '../../test/test-context.ts';
import { residentId, setUpSeason, type SeasonFixture } from './enrollment.test-helpers.ts';
import { FAILED_LOOKUP_LIMIT, LOOKUP_LIMIT } from './results.rules.ts';

type Res = { statusCode: number; json(): unknown };
const codeOf = (res: Res) => (res.json() as { error: { code: string } }).error.code;

describe('result look-up limits', () => {
  let ctx: TestContext;
  let f: SeasonFixture;
  const lookup = (body: Record<string, unknown>, ip: string) =>
    ctx.app.inject({
      method: 'POST',
      url: '/api/public/enrollment/result-lookups',
      payload: body,
      remoteAddress: ip,
    });
  const right = (exam = '210001') => ({
    seasonId: f.seasonId,
    examNumber: exam,
    idNumber: residentId(1, 'M'),
  });

  beforeAll(async () => {
    ctx = await createTestContext();
    await seedShangdang(ctx);
    f = await setUpSeason(ctx);
  });
  afterAll(() => ctx?.close());

  it('lets at most the limit of a parallel burst from one client through; the rest get 429', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => lookup(right(), '10.20.30.40')));
    const ok = results.filter((r) => r.statusCode === 200).length;
    const limited = results.filter((r) => r.statusCode === 429);
    expect(ok).toBe(LOOKUP_LIMIT);
    expect(limited).toHaveLength(20 - LOOKUP_LIMIT);
    expect(limited.map(codeOf)).toEqual(limited.map(() => 'RATE_LIMITED'));
    const counted = await ctx.db
      .selectFrom('enrollmentLookupAttempt')
      .select('id')
      .where('ip', '=', '10.20.30.40')
      .execute();
    expect(counted).toHaveLength(LOOKUP_LIMIT);
  });

  it('counts every address of one IPv6 /64 as one client', async () => {
    for (let i = 1; i <= LOOKUP_LIMIT; i++)
      expect((await lookup(right(), `2001:db8:5:6::${i.toString(16)}`)).statusCode).toBe(200);
    const rotated = await lookup(right(), '2001:db8:5:6:ffff:1:2:3');
    expect(rotated.statusCode).toBe(429);
    expect((await lookup(right(), '2001:db8:5:7::1')).statusCode).toBe(200);
    ctx.clock.advance(16 * 60_000);
  });

  it('refuses an exam number after repeated failed look-ups from any IP, audited, until the hour passes', async () => {
    const wrong = { seasonId: f.seasonId, examNumber: '210002', idNumber: residentId(9, 'F') };
    for (let i = 0; i < FAILED_LOOKUP_LIMIT; i++)
      expect((await lookup(wrong, `10.50.0.${i + 1}`)).statusCode).toBe(404);
    const guessed = await lookup(wrong, '10.50.1.1');
    expect(guessed.statusCode).toBe(429);
    expect(codeOf(guessed)).toBe('RATE_LIMITED');
    // Even the right ID number is refused while the exam number is locked, or guessing would go on.
    const real = { seasonId: f.seasonId, examNumber: '210002', idNumber: residentId(2, 'F') };
    expect((await lookup(real, '10.50.1.2')).statusCode).toBe(429);
    // Other exam numbers are not affected.
    expect((await lookup(right(), '10.50.1.3')).statusCode).toBe(200);
    const locked = await ctx.db
      .selectFrom('auditLog')
      .select(['result', 'details'])
      .where('action', '=', 'enrollment.result.lookup')
      .execute();
    expect(
      locked.filter((r) => (r.details as { reason?: string }).reason === 'exam_number_locked'),
    ).toHaveLength(2);
    ctx.clock.advance(61 * 60_000);
    expect((await lookup(real, '10.50.1.4')).statusCode).toBe(200);
  });

  it('forgets look-up rows older than a day, at most once a minute, without touching the counts', async () => {
    const old = new Date(ctx.clock.now().getTime() - 25 * 3600_000);
    await ctx.db.insertInto('enrollmentLookupAttempt').values({ ip: '10.90.0.1', at: old }).execute();
    await ctx.db.insertInto('enrollmentLookupFailure').values({ examKey: 'old-key', at: old }).execute();
    const left = async () =>
      (await ctx.db.selectFrom('enrollmentLookupAttempt').select('id').where('at', '=', old).execute())
        .length +
      (await ctx.db.selectFrom('enrollmentLookupFailure').select('id').where('at', '=', old).execute())
        .length;
    ctx.clock.advance(61_000);
    expect((await lookup(right(), '10.90.0.2')).statusCode).toBe(200);
    expect(await left()).toBe(0);
    // Within the minute the next look-up does not prune again.
    await ctx.db.insertInto('enrollmentLookupAttempt').values({ ip: '10.90.0.1', at: old }).execute();
    expect((await lookup(right(), '10.90.0.3')).statusCode).toBe(200);
    expect(await left()).toBe(1);
  });
});
