import { ERROR_MESSAGES, type ErrorCode, type Permission } from '@zhijiao/contracts';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock/clock.ts';
import type { Database } from '../db/database.types.ts';
import type { Executor } from '../db/database.ts';
import { AppError } from '../errors/app-error.ts';
import { hasRoomForJob, isLeaseExpired, leaseOwnerName, leaseTimings } from './job-lease.ts';
import {
  claimQueuedJob,
  failRunningJobs,
  findJobById,
  finishJob,
  lockOthersRunningJobs,
  renewLease,
  setJobProgress,
} from './jobs.repository.ts';
import type { JobError } from './jobs.tables.ts';

/**
 * What a handler gets: its job, its payload, a way to report progress (0–100), and the lease
 * check its final transaction makes before it writes.
 */
export interface JobContext<P> {
  jobId: string;
  payload: P;
  /** Records progress; throws `JOB_LEASE_LOST` once this process no longer holds the job. */
  progress(percent: number): Promise<void>;
  /**
   * Call first in the transaction that writes the job's results: locks the job row until that
   * transaction ends and throws `JOB_LEASE_LOST` (rolling the writes back) when this process lost
   * the job's lease — its handler ran so long (or the process froze) that another process failed
   * it as interrupted, and a retried job may already be running. While the row is locked no
   * other process can take the job, so results commit only for a job still held.
   */
  assertLease(trx: Executor): Promise<void>;
}

/** Does the work of one kind of job; its return value becomes the job's `result`. */
export type JobHandler<P = Record<string, unknown>> = (ctx: JobContext<P>) => Promise<unknown>;

const INTERRUPTED: JobError = {
  code: 'JOB_INTERRUPTED',
  message: ERROR_MESSAGES.JOB_INTERRUPTED.zh,
  messageEn: ERROR_MESSAGES.JOB_INTERRUPTED.en,
};

/** How often `settled` reads a job again that another process (or a full one) holds. */
const SETTLE_RECHECK_MS = 50;

/** The job is no longer this process's: its results must not be written. */
const leaseLost = () => new AppError('JOB_LEASE_LOST', 409);

/** An AppError keeps its code and messages; anything else is a generic failure (details go to the log). */
function jobErrorOf(error: unknown): JobError {
  const code: ErrorCode = error instanceof AppError ? error.code : 'JOB_FAILED';
  return { code, message: ERROR_MESSAGES[code].zh, messageEn: ERROR_MESSAGES[code].en };
}

/**
 * Background jobs kept in the `job` table (queued → running → succeeded | failed, progress 0–100,
 * result or error as JSON), safe with several app processes on one database. A job row is
 * inserted inside the caller's transaction (`enqueue`) and started after the commit (`start`), so
 * a rolled-back request never runs a job. A process claims a job with a lease (`job-lease.ts`)
 * and renews it while the handler works; a process with room runs the job it started, and every
 * process polls for queued jobs (one whose starter was busy or stopped) and for running jobs
 * whose lease expired — those fail visibly with `JOB_INTERRUPTED`, never a job another live
 * process holds. At most `maxRunning` jobs run in one process at a time. A handler that ran past
 * its lease (a long synchronous step blocks the heartbeat) must not commit results the job no
 * longer owns: its progress updates and its final transaction (`assertLease`) check the lease.
 *
 * @example
 * const id = await db.transaction().execute((trx) => jobs.enqueue(trx, { kind: 'enrollment.match', payload }));
 * jobs.start(id);
 */
export function createJobRunner(deps: {
  db: Kysely<Database>;
  clock: Clock;
  log?: (error: unknown, jobId: string) => void;
  leaseMs?: number;
  pollMs?: number;
  maxRunning?: number;
}) {
  const { db, clock } = deps;
  const timings = leaseTimings(deps);
  const maxRunning = deps.maxRunning ?? 2;
  const owner = leaseOwnerName();
  const handlers = new Map<string, JobHandler<never>>();
  const permissions = new Map<string, Permission>();
  const active = new Map<string, Promise<void>>();
  let poller: NodeJS.Timeout | null = null;
  let polling: Promise<unknown> | null = null;
  let stopped = false;

  /**
   * Registers the handler of a job kind (once per kind), with the permission needed to read
   * someone else's job of that kind (`jobs.service.ts`); without one, only its owner reads it.
   */
  function register<P>(
    kind: string,
    handler: JobHandler<P>,
    options: { permission?: Permission } = {},
  ): void {
    if (handlers.has(kind)) throw new Error(`Job kind ${kind} is already registered`);
    handlers.set(kind, handler as JobHandler<never>);
    if (options.permission) permissions.set(kind, options.permission);
  }

  /** The permission needed to read another user's job of `kind`, or null (owner only). */
  function permissionFor(kind: string): Permission | null {
    return permissions.get(kind) ?? null;
  }

  /** Inserts a queued job in the caller's transaction; call `start` after the commit. */
  async function enqueue(
    trx: Executor,
    job: { kind: string; payload: Record<string, unknown>; ownerId: string | null; orgUnitId: string | null },
  ): Promise<string> {
    if (!handlers.has(job.kind)) throw new Error(`No handler for job kind ${job.kind}`);
    const row = await trx
      .insertInto('job')
      .values({
        kind: job.kind,
        state: 'queued',
        payload: JSON.stringify(job.payload),
        result: null,
        error: null,
        ownerId: job.ownerId,
        orgUnitId: job.orgUnitId,
        createdAt: clock.now(),
        startedAt: null,
        finishedAt: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  const claim = (id?: string) =>
    claimQueuedJob(db, {
      owner,
      leaseMs: timings.leaseMs,
      startedAt: clock.now(),
      kinds: [...handlers.keys()],
      ...(id ? { id } : {}),
    });

  /** Runs a job this process has claimed, renewing its lease until the handler is done. */
  async function execute(job: { id: string; kind: string; payload: unknown }): Promise<void> {
    const jobId = job.id;
    const heartbeat = setInterval(() => {
      renewLease(db, jobId, owner, timings.leaseMs).then(
        (held) => held || deps.log?.(new Error('lost the lease of a running job'), jobId),
        (error: unknown) => deps.log?.(error, jobId),
      );
    }, timings.heartbeatMs);
    const finish = async (outcome: Parameters<typeof finishJob>[3]) => {
      if (!(await finishJob(db, jobId, owner, outcome)))
        deps.log?.(new Error('job ended after its lease was lost; its outcome is dropped'), jobId);
    };
    try {
      const handler = handlers.get(job.kind);
      if (!handler) throw new Error(`No handler for job kind ${job.kind}`);
      const result = await handler({
        jobId,
        payload: job.payload as never,
        progress: async (percent) => {
          const p = Math.max(0, Math.min(99, Math.round(percent)));
          if (!(await setJobProgress(db, jobId, owner, p))) throw leaseLost();
        },
        assertLease: async (trx) => {
          if (!(await renewLease(trx, jobId, owner, timings.leaseMs))) throw leaseLost();
        },
      });
      await finish({ state: 'succeeded', result: JSON.stringify(result ?? null), finishedAt: clock.now() });
    } catch (error) {
      if (!(error instanceof AppError)) deps.log?.(error, jobId);
      await finish({ state: 'failed', error: JSON.stringify(jobErrorOf(error)), finishedAt: clock.now() });
    } finally {
      clearInterval(heartbeat);
    }
  }

  /**
   * Keeps a run in `active` until it ends. `start` and the poller may both try a job (the claim
   * lets one run it); a run that ends removes only its own entry.
   */
  function track(jobId: string, work: () => Promise<void>): Promise<void> {
    const run: Promise<void> = work()
      .catch((error: unknown) => deps.log?.(error, jobId))
      .finally(() => {
        if (active.get(jobId) === run) active.delete(jobId);
      });
    active.set(jobId, run);
    return run;
  }

  /**
   * Runs a committed queued job in this process, after the current request's work, when this
   * process has room; otherwise the job stays queued for the next process (this one included)
   * that polls with room.
   */
  function start(jobId: string): void {
    if (stopped || active.has(jobId) || !hasRoomForJob(active.size, maxRunning)) return;
    track(jobId, async () => {
      await new Promise<void>((resolve) => setImmediate(resolve));
      const claimed = await claim(jobId);
      if (claimed) await execute(claimed);
    });
  }

  /** Claims queued jobs while this process has room; answers how many it started. */
  async function claimWhileRoom(): Promise<number> {
    let started = 0;
    while (!stopped && hasRoomForJob(active.size, maxRunning)) {
      const claimed = await claim();
      if (!claimed) break;
      track(claimed.id, () => execute(claimed));
      started++;
    }
    return started;
  }

  /** Fails the running jobs of other processes whose lease expired; answers how many. */
  async function failExpiredLeases(): Promise<number> {
    return db.transaction().execute(async (trx) => {
      const running = await lockOthersRunningJobs(trx, owner);
      const expired = running.filter((j) => isLeaseExpired(j.leaseExpiresAt, j.now)).map((j) => j.id);
      await failRunningJobs(trx, expired, INTERRUPTED, clock.now());
      return expired.length;
    });
  }

  /**
   * Resolves once the job has finished (succeeded or failed), wherever it runs: it waits for this
   * process's run, runs the job here when it is still queued (its starter had no room), and
   * otherwise reads the row again until the process that holds it finishes it. For the demo, the
   * tests and the command line, which wait on the jobs they start.
   */
  async function settled(jobId: string): Promise<void> {
    for (;;) {
      const running = active.get(jobId);
      if (running) {
        await running;
        continue;
      }
      const row = await findJobById(db, jobId);
      if (!row || row.state === 'succeeded' || row.state === 'failed') return;
      if (row.state === 'queued' && !stopped && hasRoomForJob(active.size, maxRunning)) {
        await track(jobId, async () => {
          const claimed = await claim(jobId);
          if (claimed) await execute(claimed);
        });
        continue;
      }
      // Held by another process, or this one is full: look again shortly.
      await new Promise((resolve) => setTimeout(resolve, SETTLE_RECHECK_MS));
    }
  }

  /** Resolves when no job runs in this process (used before closing the database). */
  async function idle(): Promise<void> {
    while (active.size > 0) await Promise.all([...active.values()]);
  }

  /**
   * At startup and on every poll: running jobs whose lease expired (their process died) fail
   * visibly; queued jobs start while this process has room. Returns counts.
   */
  async function recover(): Promise<{ failed: number; resumed: number }> {
    const failed = await failExpiredLeases();
    const resumed = await claimWhileRoom();
    return { failed, resumed };
  }

  /** Recovers every `pollMs` until `stop()` (a poll still running is not started again). */
  function startPolling(): void {
    if (poller || stopped) return;
    poller = setInterval(() => {
      polling ??= recover()
        .catch((error: unknown) => deps.log?.(error, 'poll'))
        .finally(() => (polling = null));
    }, timings.pollMs);
    poller.unref();
  }

  /** Stops polling and claiming; jobs already running go on (await `idle()`). */
  async function stop(): Promise<void> {
    stopped = true;
    if (poller) clearInterval(poller);
    poller = null;
    await polling;
  }

  return { register, permissionFor, enqueue, start, settled, idle, recover, startPolling, stop, owner };
}

export type JobRunner = ReturnType<typeof createJobRunner>;
