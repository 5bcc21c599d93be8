import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, seedShangdang, type TestContext } from '../../test/test-context.ts';

describe('enrollment.seasonsPublished, from published match runs', () => {
  let ctx: TestContext;
  let district: string;
  let season2021: string;
  const at = (iso: string) => new Date(iso);
  const compute = (endsOn: string, today = endsOn) =>
    ctx.services.metrics.compute('enrollment.seasonsPublished', {
      db: ctx.db,
      orgUnitId: district,
      period: { startsOn: '2020-01-01', endsOn },
      today,
    });

  async function season(year: number, runs: Array<{ state: 'draft' | 'published'; publishedAt?: string }>) {
    const { id } = await ctx.db
      .insertInto('enrollmentSeason')
      .values({
        districtId: district,
        admissionYear: year,
        name: `${year}年中考招生`,
        subjects: '[]',
        tieBreak: '[]',
        state: 'open',
        createdAt: at(`${year}-03-01T02:00:00Z`),
        updatedAt: at(`${year}-03-01T02:00:00Z`),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [i, r] of runs.entries()) {
      const batch = await ctx.db
        .insertInto('enrollmentBatch')
        .values({
          seasonId: id,
          code: `B${i + 1}`,
          name: `第${i + 1}批`,
          position: i + 1,
          opensAt: at(`${year}-06-01T00:00:00Z`),
          closesAt: at(`${year}-06-10T00:00:00Z`),
          maxChoices: 3,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await ctx.db
        .insertInto('enrollmentRun')
        .values({
          batchId: batch.id,
          state: r.state,
          inputHash: 'x',
          output: '',
          summary: '{}',
          createdAt: at(`${year}-07-01T00:00:00Z`),
          publishedAt: r.publishedAt ? at(r.publishedAt) : null,
        })
        .execute();
    }
    return id;
  }

  beforeAll(async () => {
    ctx = await createTestContext();
    await seedShangdang(ctx);
    district = (
      await ctx.db.selectFrom('orgUnit').select('id').where('code', '=', 'SD').executeTakeFirstOrThrow()
    ).id;
    await season(2020, [{ state: 'draft' }]);
    // Published at 23:30 UTC on 14 July: 15 July in China.
    season2021 = await season(2021, [
      { state: 'published', publishedAt: '2021-07-14T23:30:00Z' },
      { state: 'published', publishedAt: '2021-07-25T02:00:00Z' },
    ]);
  });
  afterAll(() => ctx?.close());

  it('counts a season once its first batch is published (China date), never a season with drafts only', async () => {
    expect((await compute('2021-07-14')).value).toBe(0);
    const v = await compute('2021-12-31');
    expect(v.value).toBe(1);
    expect(v.drillDown).toEqual([
      {
        label: '2021年中考招生（2021年，2021-07-15 首次发布录取结果）',
        value: 1,
        ref: { type: 'enrollment_season', id: season2021 },
      },
    ]);
    expect((await compute('2021-07-15')).value).toBe(1);
  });
});
