import type { Kysely } from 'kysely';
import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import type { AuditActor, AuditLog } from '../../platform/audit/audit-log.ts';
import type { Clock } from '../../platform/clock/clock.ts';
import type { Database } from '../../platform/db/database.types.ts';
import type { Executor } from '../../platform/db/database.ts';
import { AppError, forbidden, notFound } from '../../platform/errors/app-error.ts';
import type { JobRunner } from '../../platform/jobs/index.ts';
import { canManageSeason, canSeeSeason } from './enrollment.policy.ts';
import type { EnrollmentRunTable } from './enrollment.tables.ts';
import * as repo from './enrollment.repository.ts';
import { buildBatchInput } from './match-input.ts';
import {
  formatMatchingOutput,
  matchSeason,
  validateMatchingInput,
  type MatchingOutput,
} from './matching/index.ts';

/** The job kind that runs a batch's match. */
export const MATCH_JOB = 'enrollment.match';

type RunRow = Omit<EnrollmentRunTable, 'id' | 'summary'> & { id: string; summary: Record<string, number> };

/**
 * Matching runs (投档录取) of a batch: started as a job once the batch's window has closed; each run
 * stores the engine input's hash and its exact output (same data → byte-identical output), then is
 * reviewed (审核) and published (公布), which stores each candidate's placement. Refused: a run on a
 * batch whose window is still open or whose earlier batches are unpublished, publishing an
 * unreviewed run or one whose data has changed since, and any run after the batch is published.
 */
export function createMatchingService(deps: {
  db: Kysely<Database>;
  audit: AuditLog;
  clock: Clock;
  jobs: JobRunner;
}) {
  const { db, audit, clock, jobs } = deps;

  jobs.register<{ batchId: string; actor: AuditActor; userId: string }>(
    MATCH_JOB,
    async ({ jobId, payload, progress }) => {
      const batch = await repo.findBatch(db, payload.batchId);
      if (!batch) throw new AppError('NOT_FOUND', 404);
      await progress(10);
      const built = await buildBatchInput(db, batch);
      await progress(30);
      const valid = validateMatchingInput(JSON.parse(JSON.stringify(built.input)));
      if (!valid.ok) throw new AppError('ENROLLMENT_MATCH_INPUT_INVALID', 409, valid.issues);
      const output = matchSeason(valid.input);
      await progress(80);
      return db.transaction().execute(async (trx) => {
        if (await repo.findPublishedRun(trx, batch.id)) throw new AppError('ENROLLMENT_BATCH_PUBLISHED', 409);
        const run = await trx
          .insertInto('enrollmentRun')
          .values({
            batchId: batch.id,
            jobId,
            state: 'draft',
            inputHash: built.inputHash,
            output: formatMatchingOutput(output),
            summary: JSON.stringify(output.summary),
            createdBy: payload.userId,
            createdAt: clock.now(),
            reviewedBy: null,
            reviewedAt: null,
            publishedBy: null,
            publishedAt: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await audit.record(trx, payload.actor, {
          action: 'enrollment.run.create',
          objectType: 'enrollment_run',
          objectId: run.id,
          details: { batchId: batch.id, inputHash: built.inputHash, ...output.summary },
        });
        return { runId: run.id, summary: output.summary };
      });
    },
    { permission: 'enrollment.manage' },
  );

  async function loadBatch(actor: Actor, batchId: string) {
    const batch = await repo.findBatch(db, batchId);
    if (!batch || !canManageSeason(actor, batch)) throw notFound();
    return batch;
  }

  /** Starts a match of the batch as a job; returns the job id to follow. */
  async function startRun(actor: Actor, batchId: string) {
    const batch = await loadBatch(actor, batchId);
    if (batch.seasonState !== 'open') throw new AppError('ENROLLMENT_SEASON_STATE', 409);
    if (clock.now() < batch.closesAt) throw new AppError('ENROLLMENT_WINDOW_STILL_OPEN', 409);
    const jobId = await db.transaction().execute(async (trx) => {
      if (await repo.findPublishedRun(trx, batch.id)) throw new AppError('ENROLLMENT_BATCH_PUBLISHED', 409);
      const earlier = await trx
        .selectFrom('enrollmentBatch as b')
        .leftJoin('enrollmentRun as r', (j) =>
          j.onRef('r.batchId', '=', 'b.id').on('r.state', '=', 'published'),
        )
        .select('b.id')
        .where('b.seasonId', '=', batch.seasonId)
        .where('b.position', '<', batch.position)
        .where('r.id', 'is', null)
        .execute();
      if (earlier.length > 0) throw new AppError('ENROLLMENT_EARLIER_BATCH_UNPUBLISHED', 409);
      const id = await jobs.enqueue(trx, {
        kind: MATCH_JOB,
        payload: { batchId: batch.id, actor: auditActorOf(actor), userId: actor.userId },
        ownerId: actor.userId,
        orgUnitId: actor.orgUnitId,
      });
      await audit.record(trx, auditActorOf(actor), {
        action: 'enrollment.run.start',
        objectType: 'enrollment_batch',
        objectId: batch.id,
        details: { jobId: id },
      });
      return id;
    });
    jobs.start(jobId);
    return { jobId };
  }

  function runView(actor: Actor, r: RunRow, manage: boolean) {
    return {
      id: r.id,
      batchId: r.batchId,
      state: r.state,
      inputHash: r.inputHash,
      summary: r.summary as {
        candidates: number;
        placed: number;
        unplaced: number;
        general: number;
        vocational: number;
        vocationalShare: number;
      },
      createdAt: r.createdAt,
      reviewedAt: r.reviewedAt,
      publishedAt: r.publishedAt,
      abilities: { review: manage && r.state === 'draft', publish: manage && r.state === 'reviewed' },
    };
  }

  /**
   * Runs of the season (or one batch), newest first. Runs are 招生办's working records: anyone
   * else who sees the season gets an empty list (the public cut-offs are their view of results).
   */
  async function listRuns(actor: Actor, seasonId: string, batchId?: string) {
    const season = await repo.findSeason(db, seasonId);
    if (!season || !canSeeSeason(actor, season)) throw notFound();
    if (!canManageSeason(actor, season)) return [];
    let q = db
      .selectFrom('enrollmentRun as r')
      .innerJoin('enrollmentBatch as b', 'b.id', 'r.batchId')
      .selectAll('r')
      .where('b.seasonId', '=', season.id);
    if (batchId) q = q.where('r.batchId', '=', batchId);
    const rows = await q.orderBy('r.createdAt', 'desc').orderBy('r.id').execute();
    return rows.map((r) => runView(actor, r, true));
  }

  async function loadRun(actor: Actor, runId: string, trx: Executor = db) {
    const run = await trx.selectFrom('enrollmentRun').selectAll().where('id', '=', runId).executeTakeFirst();
    if (!run) throw notFound();
    const batch = await repo.findBatch(trx, run.batchId);
    if (!batch || !canManageSeason(actor, batch)) throw notFound();
    return { run, batch };
  }

  /** One run with the engine's output as stored. */
  async function getRun(actor: Actor, runId: string) {
    const { run } = await loadRun(actor, runId);
    return { run: runView(actor, run, true), output: run.output };
  }

  /** draft → reviewed (审核). */
  async function reviewRun(actor: Actor, runId: string) {
    const { run, batch } = await loadRun(actor, runId);
    if (!canManageSeason(actor, batch)) throw forbidden();
    await db.transaction().execute(async (trx) => {
      const done = await trx
        .updateTable('enrollmentRun')
        .set({ state: 'reviewed', reviewedBy: actor.userId, reviewedAt: clock.now() })
        .where('id', '=', run.id)
        .where('state', '=', 'draft')
        .returning('id')
        .executeTakeFirst();
      if (!done) throw new AppError('ENROLLMENT_RUN_STATE', 409);
      await audit.record(trx, auditActorOf(actor), {
        action: 'enrollment.run.review',
        objectType: 'enrollment_run',
        objectId: run.id,
      });
    });
    return getRun(actor, run.id);
  }

  /** reviewed → published: stores every placement of the run, if the batch's data is unchanged. */
  async function publishRun(actor: Actor, runId: string) {
    const { run, batch } = await loadRun(actor, runId);
    if (run.state === 'draft') throw new AppError('ENROLLMENT_RUN_NOT_REVIEWED', 409);
    if (run.state !== 'reviewed') throw new AppError('ENROLLMENT_RUN_STATE', 409);
    await db.transaction().execute(async (trx) => {
      if (await repo.findPublishedRun(trx, batch.id)) throw new AppError('ENROLLMENT_BATCH_PUBLISHED', 409);
      const built = await buildBatchInput(trx, batch);
      if (built.inputHash !== run.inputHash) throw new AppError('ENROLLMENT_RUN_STALE', 409);
      const done = await trx
        .updateTable('enrollmentRun')
        .set({ state: 'published', publishedBy: actor.userId, publishedAt: clock.now() })
        .where('id', '=', run.id)
        .where('state', '=', 'reviewed')
        .returning('id')
        .executeTakeFirst();
      if (!done) throw new AppError('ENROLLMENT_RUN_STATE', 409);
      const output = JSON.parse(run.output) as MatchingOutput;
      const placements = output.assignments
        .filter((a) => a.program !== null)
        .map((a) => ({
          candidateId: built.candidateIdByExamNumber.get(a.candidate)!,
          seasonId: batch.seasonId,
          batchId: batch.id,
          runId: run.id,
          programId: built.programIdByCode.get(a.program!)!,
          seat: a.seat,
          choice: a.choice!,
        }));
      for (let i = 0; i < placements.length; i += 1000)
        await trx
          .insertInto('enrollmentPlacement')
          .values(placements.slice(i, i + 1000))
          .execute();
      await audit.record(trx, auditActorOf(actor), {
        action: 'enrollment.run.publish',
        objectType: 'enrollment_run',
        objectId: run.id,
        details: { batchId: batch.id, placed: placements.length },
      });
    });
    return getRun(actor, run.id);
  }

  return { startRun, listRuns, getRun, reviewRun, publishRun };
}

export type MatchingService = ReturnType<typeof createMatchingService>;
