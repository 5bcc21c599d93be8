import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';
import type { JobError } from './jobs.tables.ts';

/** One job row, or undefined. */
export function findJobById(db: Executor, id: string) {
  return db.selectFrom('job').selectAll().where('id', '=', id).executeTakeFirst();
}

/** `now() + leaseMs`, in the database's time. */
const leaseUntil = (leaseMs: number) => sql<Date>`now() + make_interval(secs => ${leaseMs / 1000}::float8)`;

/**
 * Claims one queued job for `owner` with a lease of `leaseMs`: the job `id` if it is still queued,
 * else the oldest queued job of one of `kinds`. `FOR UPDATE SKIP LOCKED`: two processes claiming at
 * once never get the same job and never wait for each other. Undefined when there is none.
 */
export function claimQueuedJob(
  db: Executor,
  claim: { owner: string; leaseMs: number; startedAt: Date; id?: string; kinds: string[] },
) {
  if (claim.kinds.length === 0) return Promise.resolve(undefined);
  return db
    .updateTable('job')
    .set({
      state: 'running',
      progress: 0,
      startedAt: claim.startedAt,
      leaseOwner: claim.owner,
      leaseExpiresAt: leaseUntil(claim.leaseMs),
    })
    .where('id', '=', (eb) => {
      let next = eb
        .selectFrom('job')
        .select('id')
        .where('state', '=', 'queued')
        .where('kind', 'in', claim.kinds);
      if (claim.id) next = next.where('id', '=', claim.id);
      return next.orderBy('createdAt').limit(1).forUpdate().skipLocked();
    })
    .returning(['id', 'kind', 'payload'])
    .executeTakeFirst();
}

/**
 * Renews `owner`'s lease on its running job; false when the lease was lost (the job was taken for
 * interrupted). Inside a transaction it also locks the row until the transaction ends, so no other
 * process can fail the job as interrupted before the caller's writes commit
 * (`lockOthersRunningJobs` skips locked rows), and the renewed lease leaves time to record the
 * outcome after the commit.
 */
export async function renewLease(db: Executor, id: string, owner: string, leaseMs: number): Promise<boolean> {
  const row = await db
    .updateTable('job')
    .set({ leaseExpiresAt: leaseUntil(leaseMs) })
    .where('id', '=', id)
    .where('state', '=', 'running')
    .where('leaseOwner', '=', owner)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Sets the progress of `owner`'s running job; false when it no longer holds the job. */
export async function setJobProgress(
  db: Executor,
  id: string,
  owner: string,
  progress: number,
): Promise<boolean> {
  const row = await db
    .updateTable('job')
    .set({ progress })
    .where('id', '=', id)
    .where('state', '=', 'running')
    .where('leaseOwner', '=', owner)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Ends `owner`'s running job (succeeded or failed); false when it no longer held the job. */
export async function finishJob(
  db: Executor,
  id: string,
  owner: string,
  outcome:
    | { state: 'succeeded'; result: string; finishedAt: Date }
    | { state: 'failed'; error: string; finishedAt: Date },
): Promise<boolean> {
  const row = await db
    .updateTable('job')
    .set(outcome.state === 'succeeded' ? { ...outcome, progress: 100 } : outcome)
    .where('id', '=', id)
    .where('state', '=', 'running')
    .where('leaseOwner', '=', owner)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * The running jobs of other processes than `owner` with their lease and the database's `now()`,
 * locked (`SKIP LOCKED`: a job another process is ending or sweeping right now is left to it).
 */
export function lockOthersRunningJobs(trx: Executor, owner: string) {
  return trx
    .selectFrom('job')
    .select(['id', 'leaseExpiresAt', sql<Date>`now()`.as('now')])
    .where('state', '=', 'running')
    .where((eb) => eb.or([eb('leaseOwner', 'is', null), eb('leaseOwner', '!=', owner)]))
    .forUpdate()
    .skipLocked()
    .execute();
}

/** Fails the given running jobs with `error` (they were interrupted). */
export async function failRunningJobs(trx: Executor, ids: string[], error: JobError, finishedAt: Date) {
  if (ids.length === 0) return;
  await trx
    .updateTable('job')
    .set({ state: 'failed', error: JSON.stringify(error), finishedAt, leaseExpiresAt: null })
    .where('id', 'in', ids)
    .where('state', '=', 'running')
    .execute();
}
