import type { Kysely } from 'kysely';
import type { AuditActor, AuditLog } from '../audit/audit-log.ts';
import type { Database } from '../db/database.types.ts';
import type { Executor } from '../db/database.ts';
import { rateLimitClientKey } from '../http/client-key.ts';
import {
  accountStanding,
  deleteLoginAttempt,
  hasThrottledSince,
  insertLoginAttempt,
  listAddressFailures,
  lockSignInKeys,
  othersFailing,
  pruneLoginAttempts,
  settleLoginAttempt,
} from './login-attempts.repository.ts';
import {
  accountRefusal,
  addressRetryAfter,
  FAILING_WINDOW_MS,
  KNOWN_ADDRESS_MS,
  type SignInLimits,
} from './sign-in.rules.ts';
import { endSession } from './sessions.repository.ts';
import { findLockState, recordLoginFailure, resetLoginFailures } from './users.repository.ts';

const PRUNE_INTERVAL_MS = 60_000;

/** What the gate decided before the password is checked. */
export type GateDecision =
  | { kind: 'throttled'; retryAfterSeconds: number }
  | { kind: 'refused'; reason: 'locked' | 'hourly_failure_limit'; attemptId: string }
  | { kind: 'open'; attemptId: string };

/**
 * The database side of sign-in limits (rules in `sign-in.rules.ts`): counts every attempt by
 * client key and account, in short transactions under advisory locks, so several server
 * processes share the counts and a parallel burst is counted as it arrives. The password is
 * never checked inside these transactions.
 */
export function createSignInGate(deps: { db: Kysely<Database>; audit: AuditLog; limits: SignInLimits }) {
  const { db, audit, limits } = deps;
  const ago = (now: Date, ms: number) => new Date(now.getTime() - ms);
  const addressWindowMs = limits.addressWindowMinutes * 60_000;
  // Forgetting old attempts is housekeeping (every rule reads only its own window): at most once a
  // minute per process, outside the locked transaction, not on every request of a flood.
  let lastPruneMs: number | null = null;
  async function pruneNow(now: Date): Promise<void> {
    if (lastPruneMs !== null && Math.abs(now.getTime() - lastPruneMs) < PRUNE_INTERVAL_MS) return;
    lastPruneMs = now.getTime();
    await pruneLoginAttempts(
      db,
      ago(now, Math.max(addressWindowMs, FAILING_WINDOW_MS)),
      ago(now, KNOWN_ADDRESS_MS),
    );
  }
  const keysOf = (clientKey: string, userId: string | null) => [
    `address|${clientKey}`,
    ...(userId ? [`user|${userId}`] : []),
  ];

  const failure = (trx: Executor, actor: AuditActor, userId: string | null, reason: string, extra = {}) =>
    audit.record(trx, actor, {
      action: 'auth.login',
      objectType: 'user',
      objectId: userId,
      result: 'failure',
      details: { reason, ...extra },
    });

  /**
   * Decides whether this attempt may have its password checked: refuses a throttled client
   * (counted as `throttled`; only the first refusal of a throttle period is audited, so a flood
   * neither queues on the audit log's lock nor grows it), else records the attempt as pending —
   * also when the account refuses the client (locked against it): `fail` settles and audits it.
   */
  async function open(input: { ip: string | null; userId: string | null; actor: AuditActor; now: Date }) {
    const { now } = input;
    const clientKey = rateLimitClientKey(input.ip);
    await pruneNow(now);
    return db.transaction().execute(async (trx): Promise<GateDecision> => {
      await lockSignInKeys(trx, keysOf(clientKey, input.userId));
      const failures = await listAddressFailures(trx, clientKey, ago(now, addressWindowMs));
      const retryAfterSeconds = addressRetryAfter(failures, limits, now);
      if (retryAfterSeconds !== null) {
        // The throttle period began after its latest counted failure: no failure is counted while
        // it lasts, so a refusal since then belongs to this period.
        const first = !(await hasThrottledSince(trx, clientKey, failures[failures.length - 1]!));
        await insertLoginAttempt(trx, { clientKey, userId: input.userId, at: now, outcome: 'throttled' });
        if (first) await failure(trx, input.actor, input.userId, 'address_throttled', { client: clientKey });
        return { kind: 'throttled', retryAfterSeconds };
      }
      const reason = input.userId
        ? accountRefusal(
            {
              ...(await findLockState(trx, input.userId)),
              ...(await accountStanding(trx, input.userId, clientKey, {
                failing: ago(now, FAILING_WINDOW_MS),
                known: ago(now, KNOWN_ADDRESS_MS),
              })),
            },
            limits,
            now,
          )
        : null;
      // Pending even when refused: `fail` settles it, and the settled failures of a client grow
      // only there (and in `failProof`), where the one that reaches the limit audits the throttle.
      const attemptId = await insertLoginAttempt(trx, {
        clientKey,
        userId: input.userId,
        at: now,
        outcome: 'pending',
      });
      return reason ? { kind: 'refused', reason, attemptId } : { kind: 'open', attemptId };
    });
  }

  /**
   * Settles a failed attempt in one transaction: counts it on the client and (unless refused
   * already) on the account, audits it, audits the account's lock and the client's throttle when
   * this failure engages them.
   */
  async function fail(input: {
    ip: string | null;
    userId: string | null;
    actor: AuditActor;
    now: Date;
    attemptId: string;
    reason: string;
    countOnAccount: boolean;
  }): Promise<void> {
    const { now } = input;
    const clientKey = rateLimitClientKey(input.ip);
    await db.transaction().execute(async (trx) => {
      await lockSignInKeys(trx, keysOf(clientKey, input.userId));
      const settled = await settleLoginAttempt(trx, input.attemptId, 'failure');
      // The account's row before the audit log's lock, in the order the sign-in and the password
      // change take them.
      const locked =
        input.userId && input.countOnAccount ? await countOnAccount(trx, input.userId, now) : false;
      await failure(trx, input.actor, input.userId, input.reason);
      if (locked) await auditLock(trx, input.actor, input.userId!);
      if (settled) await auditThrottleStart(trx, input.actor, clientKey, now);
    });
  }

  /** Counts a failure on the account; says whether it engaged the lock. */
  async function countOnAccount(trx: Executor, userId: string, now: Date): Promise<boolean> {
    const { locked } = await recordLoginFailure(
      trx,
      userId,
      now,
      limits.lockoutThreshold,
      limits.lockoutMinutes * 60_000,
    );
    return locked;
  }

  const auditLock = (trx: Executor, actor: AuditActor, userId: string) =>
    audit.record(trx, actor, {
      action: 'auth.lock',
      objectType: 'user',
      objectId: userId,
      details: { failures: limits.lockoutThreshold, minutes: limits.lockoutMinutes },
    });

  /**
   * Audits the client's throttle when its settled failures have just reached the limit. Called
   * only by a transaction that has just added a settled failure (under the client's lock), so of
   * a burst exactly the one that reaches the limit audits it.
   */
  async function auditThrottleStart(trx: Executor, actor: AuditActor, clientKey: string, now: Date) {
    const failures = await listAddressFailures(trx, clientKey, ago(now, addressWindowMs), {
      pending: false,
    });
    if (failures.length === limits.addressFailureLimit)
      await audit.record(trx, actor, {
        action: 'auth.throttle',
        objectType: 'client',
        details: {
          client: clientKey,
          failures: failures.length,
          minutes: limits.addressWindowMinutes,
        },
      });
  }

  /**
   * Counts a wrong password (or TOTP code) proved by a signed-in session — to begin TOTP enrolment
   * or change the password — as a failed sign-in of its account from the session's client, and
   * audits it as `action`. When it locks the account (`lockoutThreshold` failures in a row) the
   * session is ended, so a stolen session cannot go on guessing. Says whether it was.
   */
  async function failProof(input: {
    ip: string | null;
    userId: string;
    sessionId: string;
    actor: AuditActor;
    now: Date;
    action: string;
    reason: string;
  }): Promise<{ sessionEnded: boolean }> {
    const { now } = input;
    const clientKey = rateLimitClientKey(input.ip);
    return db.transaction().execute(async (trx) => {
      await lockSignInKeys(trx, keysOf(clientKey, input.userId));
      await insertLoginAttempt(trx, { clientKey, userId: input.userId, at: now, outcome: 'failure' });
      const locked = await countOnAccount(trx, input.userId, now);
      await audit.record(trx, input.actor, {
        action: input.action,
        objectType: 'user',
        objectId: input.userId,
        result: 'failure',
        details: { reason: input.reason },
      });
      if (locked) await auditLock(trx, input.actor, input.userId);
      await auditThrottleStart(trx, input.actor, clientKey, now);
      if (locked) await endSession(trx, input.sessionId, now);
      return { sessionEnded: locked };
    });
  }

  /** Forgets an attempt whose password was right but whose TOTP code is still to come. */
  async function withdraw(attemptId: string): Promise<void> {
    await deleteLoginAttempt(db, attemptId);
  }

  /**
   * Serialises the rest of a sign-in's transaction with the account's other attempts: taken first,
   * before any row of the account is locked, as `fail` takes it.
   */
  async function hold(trx: Executor, userId: string): Promise<void> {
    await lockSignInKeys(trx, [`user|${userId}`]);
  }

  /**
   * Marks the attempt a success (inside the sign-in, after `hold`): the client's own failures no
   * longer count against it. The account's run of failures (and its lock) is cleared only when no
   * other client is failing on it, so a success does not give another failing client more tries.
   */
  async function succeed(
    trx: Executor,
    input: { attemptId: string; userId: string; ip: string | null; now: Date },
  ): Promise<void> {
    await settleLoginAttempt(trx, input.attemptId, 'success');
    const clientKey = rateLimitClientKey(input.ip);
    if (!(await othersFailing(trx, input.userId, clientKey, ago(input.now, FAILING_WINDOW_MS))))
      await resetLoginFailures(trx, input.userId);
  }

  return { open, fail, failProof, withdraw, hold, succeed };
}

export type SignInGate = ReturnType<typeof createSignInGate>;
