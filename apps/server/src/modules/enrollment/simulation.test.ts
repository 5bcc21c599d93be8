import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, seedShangdang, type Client, type TestContext } from '../../test/test-context.ts';
import { runWholeSeason, SUBJECTS, type Season, type SeasonFixture } from './enrollment.test-helpers.ts';

type Res = { statusCode: number; body: string; json(): unknown };
type Projection = {
  summary: {
    candidates: number;
    placed: number;
    general: number;
    vocational: number;
    vocationalShare: number;
  };
  programs: Array<{ code: string; quota: number; admitted: number; fillRate: number; cutoff: number | null }>;
};
type Answer = {
  simulation: {
    source: { seasonId: string; admissionYear: number };
    batches: Array<{ code: string; sourceBatch: string | null }>;
    current: Projection;
    scenario: Projection;
  };
};
const fieldsOf = (res: Res) =>
  (res.json() as { error: { details: Array<{ field: string; code: string }> } }).error.details.map((d) => [
    d.field,
    d.code,
  ]);
const byCode = (p: Projection) => Object.fromEntries(p.programs.map((x) => [x.code, [x.quota, x.admitted]]));

/** Rows of every table a real run or publication writes. */
async function footprint(ctx: TestContext) {
  const count = async (table: 'enrollmentRun' | 'enrollmentPlacement' | 'auditLog' | 'job') =>
    Number(
      (
        await ctx.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return [
    await count('enrollmentRun'),
    await count('enrollmentPlacement'),
    await count('auditLog'),
    await count('job'),
  ];
}

describe('quota what-if (招生计划模拟)', () => {
  let ctx: TestContext;
  let f: SeasonFixture;
  let jhs1: Client;

  beforeAll(async () => {
    ctx = await createTestContext();
    await seedShangdang(ctx);
    ({ f, jhs1 } = await runWholeSeason(ctx));
  });
  afterAll(() => ctx?.close());

  const simulate = (client: Client, batchId: string, body: unknown) =>
    client.post(`/api/enrollment/batches/${batchId}/simulations`, body);

  it('projects the season with the current quotas exactly as the published runs placed it, writing nothing', async () => {
    const before = await footprint(ctx);
    const res = await simulate(f.coordinator, f.batches.vocational, { quotas: [] });
    expect(res.statusCode, res.body).toBe(200);
    const { simulation } = res.json() as Answer;
    expect(simulation.batches.map((b) => [b.code, b.sourceBatch])).toEqual([
      ['GENERAL', 'GENERAL'],
      ['VOCATIONAL', 'VOCATIONAL'],
    ]);
    expect(simulation.current.summary).toMatchObject({
      candidates: 5,
      placed: 5,
      general: 2,
      vocational: 3,
      vocationalShare: 0.6,
    });
    expect(byCode(simulation.current)).toEqual({
      'HS1-GEN': [2, 2],
      'VEC-BEAUTY': [1, 1],
      'VHS-WELD': [2, 2],
    });
    const published = await ctx.db.selectFrom('enrollmentPlacement').select('programId').execute();
    expect(published).toHaveLength(5);
    expect(simulation.scenario).toEqual(simulation.current);
    expect(await footprint(ctx)).toEqual(before);
  });

  it('moves the projected 职普比 when a 普高 quota grows, and shows each program’s fill', async () => {
    const res = await simulate(f.coordinator, f.batches.vocational, {
      quotas: [
        { programId: f.programs.hs1, quota: 3 },
        { programId: f.programs.weld, quota: 4 },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const { simulation } = res.json() as Answer;
    expect(simulation.scenario.summary).toMatchObject({
      placed: 5,
      general: 3,
      vocational: 2,
      vocationalShare: 0.4,
    });
    expect(byCode(simulation.scenario)).toEqual({
      'HS1-GEN': [3, 3],
      'VEC-BEAUTY': [1, 1],
      'VHS-WELD': [4, 1],
    });
    expect(simulation.scenario.programs.find((p) => p.code === 'VHS-WELD')!.fillRate).toBe(0.25);
    expect(simulation.current.summary.vocationalShare).toBe(0.6);
  });

  it('simulates only the batches up to the chosen one', async () => {
    const res = await simulate(f.coordinator, f.batches.general, { quotas: [] });
    const { simulation } = res.json() as Answer;
    expect(simulation.batches.map((b) => b.code)).toEqual(['GENERAL']);
    expect(simulation.current.summary).toMatchObject({ candidates: 5, placed: 2, general: 2, vocational: 0 });
    expect(simulation.current.programs.find((p) => p.code === 'HS1-GEN')!.cutoff).toBe(325);
  });

  it('refuses quotas below the reserved seats and programs outside the simulated batches, naming each', async () => {
    const res = await simulate(f.coordinator, f.batches.general, {
      quotas: [
        { programId: f.programs.hs1, quota: 0 },
        { programId: f.programs.weld, quota: 5 },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual([
      ['quotas.0.quota', 'BELOW_RESERVED'],
      ['quotas.1.programId', 'PROGRAM_NOT_IN_BATCH'],
    ]);
  });

  it('keeps the what-if to 招生办: 403 to a clerk, 404 for an unknown batch, 400 for a foreign source', async () => {
    expect((await simulate(jhs1, f.batches.general, { quotas: [] })).statusCode).toBe(403);
    expect((await simulate(f.coordinator, randomUUID(), { quotas: [] })).statusCode).toBe(404);
    const foreign = await simulate(f.coordinator, f.batches.general, {
      quotas: [],
      sourceSeasonId: randomUUID(),
    });
    expect(foreign.statusCode).toBe(400);
    expect(fieldsOf(foreign)).toEqual([['sourceSeasonId', 'SEASON_UNKNOWN']]);
  });

  it('plans next year’s quotas on last year’s candidates, mapping their choices by program code', async () => {
    const created = await f.coordinator.post('/api/enrollment/seasons', {
      admissionYear: 2022,
      name: '2022年上党区高中阶段招生',
      subjects: SUBJECTS,
      tieBreak: ['math', 'chinese'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const seasonId = (created.json() as { season: Season }).season.id;
    const batch = async (code: string, position: number, opensAt: string, closesAt: string) => {
      const res = await f.coordinator.post(`/api/enrollment/seasons/${seasonId}/batches`, {
        code,
        name: code,
        position,
        opensAt,
        closesAt,
        maxChoices: 3,
      });
      return (res.json() as { season: Season }).season.batches.find((b) => b.code === code)!.id;
    };
    const general = await batch('GENERAL', 1, '2022-06-01T00:00:00Z', '2022-06-10T00:00:00Z');
    const vocational = await batch('VOCATIONAL', 2, '2022-06-11T00:00:00Z', '2022-06-20T00:00:00Z');
    for (const [batchId, code, schoolCode, track, quota] of [
      [general, 'HS1-GEN', 'SD-HS1', 'general', 4],
      [vocational, 'VHS-WELD', 'SD-VHS', 'vocational', 2],
    ] as const) {
      const res = await f.coordinator.post(`/api/enrollment/seasons/${seasonId}/programs`, {
        batchId,
        code,
        name: code,
        schoolCode,
        track,
        quota,
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const res = await simulate(f.coordinator, vocational, { quotas: [], sourceSeasonId: f.seasonId });
    expect(res.statusCode, res.body).toBe(200);
    const { simulation } = res.json() as Answer;
    expect(simulation.source).toMatchObject({ seasonId: f.seasonId, admissionYear: 2021 });
    expect(simulation.current.summary).toMatchObject({
      candidates: 5,
      placed: 5,
      general: 4,
      vocational: 1,
      vocationalShare: 0.2,
    });
    const own = (await simulate(f.coordinator, vocational, { quotas: [] })).json() as Answer;
    expect(own.simulation.current.summary.candidates).toBe(0);
  });

  it('lists for the public the seasons past set-up with their published batches, names and counts only', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/public/enrollment/seasons' });
    expect(res.statusCode).toBe(200);
    expect((res.json() as { items: unknown[] }).items).toEqual([
      {
        id: f.seasonId,
        name: '2021年上党区高中阶段招生',
        admissionYear: 2021,
        district: expect.any(String),
        publishedBatches: 2,
      },
    ]);
  });
});
