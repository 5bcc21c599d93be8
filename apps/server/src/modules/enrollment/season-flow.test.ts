import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, seedShangdang, type Client, type TestContext } from '../../test/test-context.ts';
import {
  choose,
  reviewAndPublish,
  runBatch,
  setUpSeason,
  userClient,
  type SeasonFixture,
} from './enrollment.test-helpers.ts';
import { formatMatchingOutput, matchSeason } from './matching/index.ts';
import { buildBatchInput } from './match-input.ts';

type Res = { statusCode: number; body: string; json(): unknown };
const codeOf = (res: Res) => (res.json() as { error: { code: string } }).error.code;

describe('preferences and matching runs', () => {
  let ctx: TestContext;
  let f: SeasonFixture;
  let jhs1: Client;
  let jhs2: Client;
  let vhs: Client;

  beforeAll(async () => {
    ctx = await createTestContext();
    await seedShangdang(ctx);
    f = await setUpSeason(ctx);
    jhs1 = await userClient(ctx, 'unit_clerk', 'SD-JHS1');
    jhs2 = await userClient(ctx, 'unit_clerk', 'SD-JHS2');
    vhs = await userClient(ctx, 'unit_clerk', 'SD-VHS');
  });
  afterAll(() => ctx?.close());

  it('refuses a preference before the window opens', async () => {
    const res = await choose(jhs1, f, '210001', f.batches.general, [f.programs.hs1]);
    expect(res.statusCode).toBe(409);
    expect(codeOf(res)).toBe('ENROLLMENT_WINDOW_NOT_OPEN');
  });

  it('lets a junior high clerk fill and change choices in the window, keeping every change', async () => {
    ctx.clock.set('2021-06-02T00:00:00Z');
    expect((await choose(jhs1, f, '210001', f.batches.general, [])).statusCode).toBe(200);
    for (const exam of ['210001', '210003', '210005'])
      expect((await choose(jhs1, f, exam, f.batches.general, [f.programs.hs1])).statusCode).toBe(200);
    for (const exam of ['210002', '210004'])
      expect((await choose(jhs2, f, exam, f.batches.general, [f.programs.hs1])).statusCode).toBe(200);
    const res = await jhs1.get(`/api/enrollment/candidates/${f.candidates.get('210001')}/preferences`);
    expect(res.statusCode).toBe(200);
    const prefs = res.json() as {
      batches: Array<{
        batchId: string;
        choices: Array<{ code: string }>;
        locked: boolean;
        history: Array<{ old: string[] | null; new: string[]; by: string }>;
      }>;
      candidate: { idMasked: string };
    };
    const general = prefs.batches.find((b) => b.batchId === f.batches.general)!;
    expect(general.choices.map((c) => c.code)).toEqual(['HS1-GEN']);
    expect(general.locked).toBe(false);
    expect(general.history.map((h) => [h.old, h.new])).toEqual([
      [null, []],
      [[], ['HS1-GEN']],
    ]);
    expect(prefs.candidate.idMasked).toMatch(/^140421\*{8}\d{3}[\dX]$/);
    expect(
      await ctx.db
        .selectFrom('auditLog')
        .select('seq')
        .where('action', '=', 'enrollment.preferences.set')
        .execute(),
    ).toHaveLength(6);
  });

  it('refuses choices from another batch, listed twice, or over the maximum, naming the field', async () => {
    const res = await choose(jhs1, f, '210001', f.batches.general, [
      f.programs.weld,
      f.programs.hs1,
      f.programs.hs1,
      f.programs.beauty,
    ]);
    expect(res.statusCode).toBe(400);
    const fields = (
      res.json() as { error: { details: Array<{ field: string; code: string }> } }
    ).error.details.map((d) => [d.field, d.code]);
    expect(fields).toEqual([
      ['choices', 'TOO_MANY_CHOICES'],
      ['choices.0', 'PROGRAM_NOT_IN_BATCH'],
      ['choices.2', 'DUPLICATE'],
      ['choices.3', 'PROGRAM_NOT_IN_BATCH'],
    ]);
  });

  it('keeps other schools’ candidates away: 404 to another junior high, 403 to a school without the permission to fill', async () => {
    expect((await choose(jhs2, f, '210001', f.batches.general, [f.programs.hs1])).statusCode).toBe(404);
    expect(
      (await jhs2.get(`/api/enrollment/candidates/${f.candidates.get('210001')}/preferences`)).statusCode,
    ).toBe(404);
    expect((await choose(f.coordinator, f, '210001', f.batches.general, [f.programs.hs1])).statusCode).toBe(
      403,
    );
    expect(
      (await vhs.get(`/api/enrollment/candidates/${f.candidates.get('210001')}/preferences`)).statusCode,
    ).toBe(404);
  });

  it('refuses a match while the batch window is still open', async () => {
    const res = await f.coordinator.post(`/api/enrollment/batches/${f.batches.general}/runs`);
    expect(res.statusCode).toBe(409);
    expect(codeOf(res)).toBe('ENROLLMENT_WINDOW_STILL_OPEN');
  });

  it('locks preferences once the window has closed', async () => {
    ctx.clock.set('2021-06-10T00:00:00Z');
    const res = await choose(jhs1, f, '210001', f.batches.general, []);
    expect(res.statusCode).toBe(409);
    expect(codeOf(res)).toBe('ENROLLMENT_WINDOW_CLOSED');
  });

  it('refuses to match a later batch before the earlier one is published', async () => {
    ctx.clock.set('2021-06-21T00:00:00Z');
    const res = await f.coordinator.post(`/api/enrollment/batches/${f.batches.vocational}/runs`);
    expect(codeOf(res)).toBe('ENROLLMENT_EARLIER_BATCH_UNPUBLISHED');
    ctx.clock.set('2021-06-10T00:00:00Z');
  });

  let firstRun: string;
  it('runs the match as a job with progress, storing the engine’s exact output', async () => {
    const job = await runBatch(ctx, f, f.batches.general);
    expect(job.state).toBe('succeeded');
    expect(job.progress).toBe(100);
    firstRun = job.result.runId;
    const run = (await f.coordinator.get(`/api/enrollment/runs/${firstRun}`)).json() as {
      run: { state: string; summary: { placed: number } };
      output: string;
    };
    expect(run.run.state).toBe('draft');
    expect(run.run.summary.placed).toBe(2);
    const built = await buildBatchInput(ctx.db, {
      id: f.batches.general,
      seasonId: f.seasonId,
      tieBreak: ['math', 'chinese'],
    });
    expect(run.output).toBe(formatMatchingOutput(matchSeason(built.input)));
    const assignments = (
      JSON.parse(run.output) as {
        assignments: Array<{ candidate: string; program: string | null; seat: string | null }>;
      }
    ).assignments;
    expect(assignments.filter((a) => a.program).map((a) => [a.candidate, a.seat])).toEqual([
      ['210001', null],
      ['210002', 'HS1-GEN/R1'],
    ]);
  });

  it('shows a job only to those who may see it', async () => {
    const job = await ctx.db.selectFrom('job').select('id').executeTakeFirstOrThrow();
    expect((await jhs1.get(`/api/jobs/${job.id}`)).statusCode).toBe(404);
    expect((await f.coordinator.get(`/api/jobs/${job.id}`)).statusCode).toBe(200);
  });

  it('gives byte-identical output when the same data is matched again', async () => {
    const again = await runBatch(ctx, f, f.batches.general);
    const runs = await ctx.db.selectFrom('enrollmentRun').select(['id', 'output', 'inputHash']).execute();
    const [a, b] = [runs.find((r) => r.id === firstRun)!, runs.find((r) => r.id === again.result.runId)!];
    expect(b.inputHash).toBe(a.inputHash);
    expect(Buffer.from(b.output).equals(Buffer.from(a.output))).toBe(true);
  });

  it('refuses to publish an unreviewed run, then publishes a reviewed one and stores the placements', async () => {
    const res = await f.coordinator.post(`/api/enrollment/runs/${firstRun}/publication`);
    expect(res.statusCode).toBe(409);
    expect(codeOf(res)).toBe('ENROLLMENT_RUN_NOT_REVIEWED');
    await reviewAndPublish(f, firstRun);
    const placements = await ctx.db
      .selectFrom('enrollmentPlacement')
      .select(['candidateId', 'seat', 'choice'])
      .execute();
    expect(placements).toHaveLength(2);
    expect(
      await ctx.db
        .selectFrom('auditLog')
        .select('seq')
        .where('action', '=', 'enrollment.run.publish')
        .execute(),
    ).toHaveLength(1);
  });

  it('refuses a re-run and a second publication after the batch is published', async () => {
    const rerun = await f.coordinator.post(`/api/enrollment/batches/${f.batches.general}/runs`);
    expect(codeOf(rerun)).toBe('ENROLLMENT_BATCH_PUBLISHED');
    const other = (
      await ctx.db
        .selectFrom('enrollmentRun')
        .select('id')
        .where('state', '=', 'draft')
        .executeTakeFirstOrThrow()
    ).id;
    expect((await f.coordinator.post(`/api/enrollment/runs/${other}/review`)).statusCode).toBe(200);
    expect(codeOf(await f.coordinator.post(`/api/enrollment/runs/${other}/publication`))).toBe(
      'ENROLLMENT_BATCH_PUBLISHED',
    );
  });

  it('refuses preferences for a candidate already placed, and hides runs from clerks', async () => {
    ctx.clock.set('2021-06-12T00:00:00Z');
    const res = await choose(jhs1, f, '210001', f.batches.vocational, [f.programs.weld]);
    expect(codeOf(res)).toBe('ENROLLMENT_CANDIDATE_PLACED');
    expect((await jhs1.get(`/api/enrollment/runs/${firstRun}`)).statusCode).toBe(404);
    expect((await jhs1.get(`/api/enrollment/seasons/${f.seasonId}/runs`)).json()).toEqual({ items: [] });
    const mine = (
      await f.coordinator.get(`/api/enrollment/seasons/${f.seasonId}/runs?batchId=${f.batches.general}`)
    ).json() as { items: Array<{ state: string }> };
    expect(mine.items.map((r) => r.state).sort()).toEqual(['published', 'reviewed']);
  });
});
