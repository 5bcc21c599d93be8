import type { Kysely } from 'kysely';
import type { AuditActor, AuditLog } from '../audit/audit-log.ts';
import type { Database } from '../db/database.types.ts';
import type { Executor } from '../db/database.ts';
import { rateLimitClientKey } from '../http/client-key.ts';
import {
  accountStanding,
  deleteLoginAttempt,
  insertLoginAttempt,
  listAddressFailures,
  lockSignInKeys,
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
import { findLockState, recordLoginFailure, resetLoginFailures } from './users.repository.ts';

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
   * (audited, not counted), refuses a client the account is locked against (audited, counted as
   * a failure), else records the attempt as pending.
   */
  async function open(input: { ip: string | null; userId: string | null; actor: AuditActor; now: Date }) {
    const { now } = input;
    const clientKey = rateLimitClientKey(input.ip);
    return db.transaction().execute(async (trx): Promise<GateDecision> => {
      await lockSignInKeys(trx, keysOf(clientKey, input.userId));
      await pruneLoginAttempts(
        trx,
        ago(now, Math.max(addressWindowMs, FAILING_WINDOW_MS)),
        ago(now, KNOWN_ADDRESS_MS),
      );
      const failures = await listAddressFailures(trx, clientKey, ago(now, addressWindowMs));
      const retryAfterSeconds = addressRetryAfter(failures, limits, now);
      if (retryAfterSeconds !== null) {
        await failure(trx, input.actor, input.userId, 'address_throttled', { client: clientKey });
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
      const attemptId = await insertLoginAttempt(trx, {
        clientKey,
        userId: input.userId,
        at: now,
        outcome: reason ? 'failure' : 'pending',
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
      await settleLoginAttempt(trx, input.attemptId, 'failure');
      await failure(trx, input.actor, input.userId, input.reason);
      if (input.userId && input.countOnAccount) {
        const { locked } = await recordLoginFailure(
          trx,
          input.userId,
          now,
          limits.lockoutThreshold,
          limits.lockoutMinutes * 60_000,
        );
        if (locked)
          await audit.record(trx, input.actor, {
            action: 'auth.lock',
            objectType: 'user',
            objectId: input.userId,
            details: { failures: limits.lockoutThreshold, minutes: limits.lockoutMinutes },
          });
      }
      // Settled failures only: of a burst, exactly the one that reaches the limit audits it.
      const failures = await listAddressFailures(trx, clientKey, ago(now, addressWindowMs), {
        pending: false,
      });
      if (failures.length === limits.addressFailureLimit)
        await audit.record(trx, input.actor, {
          action: 'auth.throttle',
          objectType: 'client',
          details: {
            client: clientKey,
            failures: failures.length,
            minutes: limits.addressWindowMinutes,
          },
        });
    });
  }

  /** Forgets an attempt whose password was right but whose TOTP code is still to come. */
  async function withdraw(attemptId: string): Promise<void> {
    await deleteLoginAttempt(db, attemptId);
  }

  /** Marks the attempt a success and clears the account's run of failures (inside the sign-in). */
  async function succeed(trx: Executor, attemptId: string, userId: string): Promise<void> {
    await settleLoginAttempt(trx, attemptId, 'success');
    await resetLoginFailures(trx, userId);
  }

  return { open, fail, withdraw, succeed };
}

export type SignInGate = ReturnType<typeof createSignInGate>;
