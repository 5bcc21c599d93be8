import { randomBytes } from 'node:crypto';
import os from 'node:os';

/**
 * The lease rules of background jobs, with no I/O. A process that claims a job holds it for
 * `leaseMs` and renews the lease every `heartbeatMs` while the handler works; a running job whose
 * lease has run out belongs to a process that died (or froze), and is the only kind another
 * process may take for interrupted. Time is the database's (`now()`), never a process's clock, so
 * processes on machines whose clocks differ, or a demo clock (`ZHIJIAO_CLOCK_START`), agree.
 */
export interface LeaseTimings {
  /** How long a claim or a renewal holds the job. */
  leaseMs: number;
  /** How often the holder renews it: a third of the lease, so two renewals may fail in a row. */
  heartbeatMs: number;
  /** How often an idle process looks for queued jobs and expired leases. */
  pollMs: number;
}

export const DEFAULT_LEASE_MS = 30_000;
export const DEFAULT_POLL_MS = 2_000;

/**
 * Checked timings for a lease of `leaseMs` (at least one second).
 *
 * @example leaseTimings({ leaseMs: 30_000 }) // { leaseMs: 30000, heartbeatMs: 10000, pollMs: 2000 }
 */
export function leaseTimings(opts: { leaseMs?: number; pollMs?: number } = {}): LeaseTimings {
  const leaseMs = opts.leaseMs ?? DEFAULT_LEASE_MS;
  const pollMs = opts.pollMs ?? DEFAULT_POLL_MS;
  if (!Number.isInteger(leaseMs) || leaseMs < 1000)
    throw new Error(`A job lease lasts at least 1000 ms (got ${leaseMs})`);
  if (!Number.isInteger(pollMs) || pollMs < 10)
    throw new Error(`Jobs are polled at most every 10 ms (got ${pollMs})`);
  return { leaseMs, heartbeatMs: Math.floor(leaseMs / 3), pollMs };
}

/**
 * True when a running job's lease no longer protects it at `now`: it has run out, or the job never
 * had one (left running by a version without leases).
 *
 * @example isLeaseExpired(new Date('2026-01-01T00:00:30Z'), new Date('2026-01-01T00:00:31Z')) // true
 */
export function isLeaseExpired(leaseExpiresAt: Date | null, now: Date): boolean {
  return leaseExpiresAt === null || leaseExpiresAt.getTime() <= now.getTime();
}

/** True when a process running `running` jobs (at most `maxRunning`) may claim one more. */
export function hasRoomForJob(running: number, maxRunning: number): boolean {
  return running < maxRunning;
}

/** A name for this process as a lease holder, unique across machines and restarts: `host:pid:random`. */
export function leaseOwnerName(): string {
  return `${os.hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}
