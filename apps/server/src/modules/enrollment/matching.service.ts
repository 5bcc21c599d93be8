import { auditActorOf, type Actor } from '../../platform/auth/actor.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { JobContext } from '../../platform/jobs/index.ts';
import type { ModuleDeps } from '../../platform/modules/module-definition.ts';
import { loadManagedBatch, loadRun, loadSeason } from './enrollment.loaders.ts';
import { canManageSeason } from './enrollment.policy.ts';
import * as repo from './enrollment.repository.ts';
import { buildBatchInput, placementsOf } from './match-input.ts';
import { MATCH_JOB, type MatchJobPayload } from './match-job.ts';
import {
  formatMatchingOutput,
  matchSeason,
  validateMatchingInput,
  type MatchingOutput,
} from './matching/index.ts';
import { runView } from './run.view.ts';
import { runWorkflow } from './run.workflow.ts';
import * as runs from './runs.repository.ts';
import { seasonWorkflow } from './season.workflow.ts';

/**
 * Matching runs (投档录取) of a batch: started as a job once the batch's window has closed; each run
 * stores the engine input's hash and its exact output (same data → byte-identical output), then is
 * reviewed (审核) and published (公布), which stores each candidate's placement. Refused: a run on a
 * batch whose window is still open or whose earlier batches are unpublished, publishing an
 * unreviewed run or one whose data has changed since, and any run after the batch is published.
 */

const batchPublished = () => new AppError('ENROLLMENT_BATCH_PUBLISHED', 409);

/** Starts a match of the batch as a job; returns the job id to follow. */
export async function startRun(deps: ModuleDeps, actor: Actor, batchId: string) {
  const batch = await loadManagedBatch(deps.db, actor, batchId);
  seasonWorkflow.assert('match', actor, { ...batch, state: batch.seasonState });
  if (deps.clock.now() < batch.closesAt) throw new AppError('ENROLLMENT_WINDOW_STILL_OPEN', 409);
  const jobId = await deps.transaction(async (trx) => {
    if (await runs.findPublishedRun(trx, batch.id)) throw batchPublished();
    if ((await repo.listUnpublishedBatchesBefore(trx, batch.seasonId, batch.position)).length > 0)
      throw new AppError('ENROLLMENT_EARLIER_BATCH_UNPUBLISHED', 409);
    const payload: MatchJobPayload = { batchId: batch.id, actor: auditActorOf(actor), userId: actor.userId };
    const id = await deps.jobs.enqueue(trx, {
      kind: MATCH_JOB,
      payload,
      ownerId: actor.userId,
      orgUnitId: actor.orgUnitId,
    });
    await deps.audit.record(trx, auditActorOf(actor), {
      action: 'enrollment.run.start',
      objectType: 'enrollment_batch',
      objectId: batch.id,
      details: { jobId: id },
    });
    return id;
  });
  deps.jobs.start(jobId);
  return { jobId };
}

/**
 * The match job (`MATCH_JOB`): builds the batch's engine input, matches it and stores the run as a
 * draft with the engine's exact output, in a transaction that first checks the job's lease is
 * still held (`assertLease`). Its result is `{ runId, summary }`.
 */
export async function runMatch(
  deps: ModuleDeps,
  { jobId, payload, progress, assertLease }: JobContext<MatchJobPayload>,
) {
  const batch = await repo.findBatch(deps.db, payload.batchId);
  if (!batch) throw new AppError('NOT_FOUND', 404);
  await progress(10);
  const built = await buildBatchInput(deps.db, batch);
  await progress(30);
  const valid = validateMatchingInput(JSON.parse(JSON.stringify(built.input)));
  if (!valid.ok) throw new AppError('ENROLLMENT_MATCH_INPUT_INVALID', 409, valid.issues);
  const output = matchSeason(valid.input);
  await progress(80);
  return deps.transaction(async (trx) => {
    // A match that ran past the job's lease (matchSeason blocks the heartbeat) writes nothing:
    // the job was failed as interrupted and may already have been started again.
    await assertLease(trx);
    if (await runs.findPublishedRun(trx, batch.id)) throw batchPublished();
    const runId = await runs.insertRun(trx, {
      batchId: batch.id,
      jobId,
      state: 'draft',
      inputHash: built.inputHash,
      output: formatMatchingOutput(output),
      summary: JSON.stringify(output.summary),
      createdBy: payload.userId,
      createdAt: deps.clock.now(),
      reviewedBy: null,
      reviewedAt: null,
      publishedBy: null,
      publishedAt: null,
    });
    await deps.audit.record(trx, payload.actor, {
      action: 'enrollment.run.create',
      objectType: 'enrollment_run',
      objectId: runId,
      details: { batchId: batch.id, inputHash: built.inputHash, ...output.summary },
    });
    return { runId, summary: output.summary };
  });
}

/**
 * Runs of the season (or one batch), newest first. Runs are 招生办's working records: anyone
 * else who sees the season gets an empty list (the public cut-offs are their view of results).
 */
export async function listRuns(deps: ModuleDeps, actor: Actor, seasonId: string, batchId?: string) {
  const season = await loadSeason(deps.db, actor, seasonId);
  if (!canManageSeason(actor, season)) return [];
  return (await runs.listRuns(deps.db, season.id, batchId)).map((r) => runView(actor, r, season));
}

/** One run with the engine's output as stored. */
export async function getRun(deps: ModuleDeps, actor: Actor, runId: string) {
  const { run, batch } = await loadRun(deps.db, actor, runId);
  return { run: runView(actor, run, batch), output: run.output };
}

/** draft → reviewed (审核). */
export async function reviewRun(deps: ModuleDeps, actor: Actor, runId: string) {
  const { run, batch } = await loadRun(deps.db, actor, runId);
  await deps.transaction((trx) =>
    runWorkflow.apply(
      deps,
      trx,
      'review',
      actor,
      { ...run, districtId: batch.districtId },
      {
        set: { reviewedBy: actor.userId, reviewedAt: deps.clock.now() },
      },
    ),
  );
  return getRun(deps, actor, run.id);
}

/** reviewed → published: stores every placement of the run, if the batch's data is unchanged. */
export async function publishRun(deps: ModuleDeps, actor: Actor, runId: string) {
  const { run, batch } = await loadRun(deps.db, actor, runId);
  const subject = { ...run, districtId: batch.districtId };
  // A run still awaiting its review says so, rather than the general state refusal.
  if (runWorkflow.can('review', actor, subject)) throw new AppError('ENROLLMENT_RUN_NOT_REVIEWED', 409);
  runWorkflow.assert('publish', actor, subject);
  await deps.transaction(async (trx) => {
    if (await runs.findPublishedRun(trx, batch.id)) throw batchPublished();
    const built = await buildBatchInput(trx, batch);
    if (built.inputHash !== run.inputHash) throw new AppError('ENROLLMENT_RUN_STALE', 409);
    const placements = placementsOf(JSON.parse(run.output) as MatchingOutput, run, batch, built);
    await runWorkflow.apply(deps, trx, 'publish', actor, subject, {
      set: { publishedBy: actor.userId, publishedAt: deps.clock.now() },
      details: { batchId: batch.id, placed: placements.length },
    });
    await runs.insertPlacements(trx, placements);
  });
  return getRun(deps, actor, run.id);
}
