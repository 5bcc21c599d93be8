import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobRunner } from '../../platform/jobs/job-runner.ts';
import { createTestContext, seedShangdang, type TestContext } from '../../test/test-context.ts';
import { runBatch, setUpSeason, type SeasonFixture } from './enrollment.test-helpers.ts';
import { MATCH_JOB, type MatchJobPayload } from './match-job.ts';

/**
 * A match that runs past its job's lease (matchSeason is synchronous and blocks the heartbeat)
 * is failed as interrupted by another process; it must not store its run afterwards, nor its
 * audit row, beside the run of the job started again.
 */
describe('a match job that lost its lease', () => {
  let ctx: TestContext;
  let f: SeasonFixture;
  beforeAll(async () => {
    ctx = await createTestContext();
    await seedShangdang(ctx);
    f = await setUpSeason(ctx);
    ctx.clock.set('2021-06-10T00:00:00Z');
  });
  afterAll(() => ctx?.close());

  const runsOf = (column: 'jobId' | 'batchId', id: string) =>
    ctx.db.selectFrom('enrollmentRun').select('id').where(column, '=', id).execute();
  const runAudits = () =>
    ctx.db.selectFrom('auditLog').select('objectId').where('action', '=', 'enrollment.run.create').execute();

  it('stores no run and no audit row once another process took the job for interrupted', async () => {
    const coordinator = await ctx.db
      .selectFrom('appUser')
      .select(['id', 'displayName', 'orgUnitId'])
      .where('role', '=', 'coordinator')
      .executeTakeFirstOrThrow();
    const payload: MatchJobPayload = {
      batchId: f.batches.general,
      actor: {
        id: coordinator.id,
        name: coordinator.displayName,
        orgUnitId: coordinator.orgUnitId,
        ip: null,
      },
      userId: coordinator.id,
    };
    // The module's own handler, run by a process whose lease runs out while it matches: once
    // matched (progress 80), its lease has expired and another process fails the job.
    const slow = createJobRunner({ db: ctx.db, clock: ctx.clock });
    slow.register<MatchJobPayload>(MATCH_JOB, (job) =>
      ctx.services.enrollment.matching.runMatch({
        ...job,
        progress: async (percent) => {
          await job.progress(percent);
          if (percent < 80) return;
          await ctx.db
            .updateTable('job')
            .set({ leaseExpiresAt: sql<Date>`now() - interval '1 second'` })
            .where('id', '=', job.jobId)
            .execute();
          expect(await createJobRunner({ db: ctx.db, clock: ctx.clock }).recover()).toMatchObject({
            failed: 1,
          });
        },
      }),
    );
    const jobId = await ctx.db.transaction().execute((trx) =>
      slow.enqueue(trx, {
        kind: MATCH_JOB,
        payload,
        ownerId: coordinator.id,
        orgUnitId: coordinator.orgUnitId,
      }),
    );
    slow.start(jobId);
    await slow.settled(jobId);

    expect(
      await ctx.db.selectFrom('job').selectAll().where('id', '=', jobId).executeTakeFirstOrThrow(),
    ).toMatchObject({
      state: 'failed',
      progress: 80,
      result: null,
      error: { code: 'JOB_INTERRUPTED' },
    });
    expect(await runsOf('jobId', jobId)).toEqual([]);
    expect(await runAudits()).toEqual([]);

    // Started again, the match stores one draft run with its audit row.
    const again = await runBatch(ctx, f, f.batches.general);
    expect(again.state).toBe('succeeded');
    expect(await runsOf('batchId', f.batches.general)).toEqual([{ id: again.result.runId }]);
    expect(await runAudits()).toEqual([{ objectId: again.result.runId }]);
  });
});
