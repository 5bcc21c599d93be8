import { ERROR_MESSAGES, type ErrorCode, type Permission } from '@zhijiao/contracts';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock/clock.ts';
import type { Database } from '../db/database.types.ts';
import type { Executor } from '../db/database.ts';
import { AppError } from '../errors/app-error.ts';
import type { JobError } from './jobs.tables.ts';

/** What a handler gets: its job, its payload, and a way to report progress (0–100). */
export interface JobContext<P> {
  jobId: string;
  payload: P;
  progress(percent: number): Promise<void>;
}

/** Does the work of one kind of job; its return value becomes the job's `result`. */
export type JobHandler<P = Record<string, unknown>> = (ctx: JobContext<P>) => Promise<unknown>;

const INTERRUPTED: JobError = {
  code: 'JOB_INTERRUPTED',
  message: ERROR_MESSAGES.JOB_INTERRUPTED.zh,
  messageEn: ERROR_MESSAGES.JOB_INTERRUPTED.en,
};

/** An AppError keeps its code and messages; anything else is a generic failure (details go to the log). */
function jobErrorOf(error: unknown): JobError {
  const code: ErrorCode = error instanceof AppError ? error.code : 'JOB_FAILED';
  return { code, message: ERROR_MESSAGES[code].zh, messageEn: ERROR_MESSAGES[code].en };
}

/**
 * In-process background jobs kept in the `job` table (queued → running → succeeded | failed,
 * progress 0–100, result or error as JSON). A job row is inserted inside the caller's transaction
 * (`enqueue`) and started after the commit (`start`), so a rolled-back request never runs a job.
 * "Jobs resume or fail visibly": at startup `recover()` marks every job a crash left `running` as
 * failed with `JOB_INTERRUPTED` and starts the ones still `queued`.
 *
 * @example
 * const id = await db.transaction().execute((trx) => jobs.enqueue(trx, { kind: 'enrollment.match', payload }));
 * jobs.start(id);
 */
export function createJobRunner(deps: {
  db: Kysely<Database>;
  clock: Clock;
  log?: (error: unknown, jobId: string) => void;
}) {
  const { db, clock } = deps;
  const handlers = new Map<string, JobHandler<never>>();
  const permissions = new Map<string, Permission>();
  const active = new Map<string, Promise<void>>();

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

  async function execute(jobId: string): Promise<void> {
    const claimed = await db
      .updateTable('job')
      .set({ state: 'running', startedAt: clock.now(), progress: 0 })
      .where('id', '=', jobId)
      .where('state', '=', 'queued')
      .returning(['kind', 'payload'])
      .executeTakeFirst();
    if (!claimed) return;
    const handler = handlers.get(claimed.kind);
    try {
      if (!handler) throw new Error(`No handler for job kind ${claimed.kind}`);
      const result = await handler({
        jobId,
        payload: claimed.payload as never,
        progress: async (percent) => {
          const p = Math.max(0, Math.min(99, Math.round(percent)));
          await db.updateTable('job').set({ progress: p }).where('id', '=', jobId).execute();
        },
      });
      await db
        .updateTable('job')
        .set({
          state: 'succeeded',
          progress: 100,
          result: JSON.stringify(result ?? null),
          finishedAt: clock.now(),
        })
        .where('id', '=', jobId)
        .execute();
    } catch (error) {
      if (!(error instanceof AppError)) deps.log?.(error, jobId);
      await db
        .updateTable('job')
        .set({ state: 'failed', error: JSON.stringify(jobErrorOf(error)), finishedAt: clock.now() })
        .where('id', '=', jobId)
        .execute();
    }
  }

  /** Runs a committed queued job in this process, after the current request's work. */
  function start(jobId: string): void {
    if (active.has(jobId)) return;
    const run = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => execute(jobId))
      .catch((error: unknown) => deps.log?.(error, jobId))
      .finally(() => active.delete(jobId));
    active.set(jobId, run);
  }

  /** Resolves when the job has finished in this process (at once if it is not running here). */
  function settled(jobId: string): Promise<void> {
    return active.get(jobId) ?? Promise.resolve();
  }

  /** Resolves when no job runs in this process (used before closing the database). */
  async function idle(): Promise<void> {
    while (active.size > 0) await Promise.all([...active.values()]);
  }

  /** At startup: jobs left `running` by a crash fail visibly; jobs still `queued` start. Returns counts. */
  async function recover(): Promise<{ failed: number; resumed: number }> {
    const failed = await db
      .updateTable('job')
      .set({ state: 'failed', error: JSON.stringify(INTERRUPTED), finishedAt: clock.now() })
      .where('state', '=', 'running')
      .returning('id')
      .execute();
    const queued = await db
      .selectFrom('job')
      .select('id')
      .where('state', '=', 'queued')
      .orderBy('createdAt')
      .execute();
    for (const q of queued) start(q.id);
    return { failed: failed.length, resumed: queued.length };
  }

  return { register, permissionFor, enqueue, start, settled, idle, recover };
}

export type JobRunner = ReturnType<typeof createJobRunner>;
