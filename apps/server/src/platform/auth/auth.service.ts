import { randomBytes } from 'node:crypto';
import { isAdminRole, permissionsOf, type Role } from '@zhijiao/contracts';
import type { Kysely } from 'kysely';
import type { AuditLog } from '../audit/audit-log.ts';
import type { Clock } from '../clock/clock.ts';
import type { Database } from '../db/database.types.ts';
import { AppError } from '../errors/app-error.ts';
import type { FieldCrypto } from '../crypto/field-crypto.ts';
import type { Actor, OrgScope, SessionRestriction } from './actor.ts';
import { hashPassword, verifyPassword } from './password-hash.ts';
import { checkPasswordPolicy } from './password-policy.ts';
import { hashSessionToken, newSessionToken } from './session-token.ts';
import { generateTotpSecret, otpauthUrl, verifyTotp } from './totp.ts';
import {
  endSession,
  findSessionByTokenHash,
  insertSession,
  markSessionMfa,
  touchSession,
} from './sessions.repository.ts';
import {
  claimTotpStep,
  enableTotp,
  endSessionsOfUser,
  findUserById,
  findUserByUsername,
  isLockedForUpdate,
  recordLoginFailure,
  resetLoginFailures,
  setPassword,
  setPendingTotpSecret,
} from './users.repository.ts';

export interface AuthPolicy {
  lockoutThreshold: number;
  lockoutMinutes: number;
  maxFailuresPerHour: number;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
}

export interface AuthDeps {
  db: Kysely<Database>;
  audit: AuditLog;
  clock: Clock;
  crypto: FieldCrypto;
  policy: AuthPolicy;
  /** Org units a role at a unit may see (the org module answers). */
  resolveScope: (role: Role, orgUnitId: string) => Promise<{ scope: OrgScope; districtId: string | null }>;
}

export interface LoginResult {
  token: string;
  actor: Actor;
  csrfToken: string;
}

const TOUCH_INTERVAL_MS = 60_000;

/**
 * Login, sessions, password change and TOTP enrolment (SECURITY.md "Identity and sessions").
 * Every login attempt writes an audit row, success or failure.
 */
export function createAuthService(deps: AuthDeps) {
  const { db, audit, clock, policy } = deps;
  const minutes = (n: number) => n * 60_000;

  function restrictionOf(
    user: { mustChangePassword: boolean; role: Role },
    mfa: boolean,
  ): SessionRestriction {
    if (user.mustChangePassword) return 'password_change';
    if (isAdminRole(user.role) && !mfa) return 'totp_enrolment';
    return null;
  }

  async function buildActor(
    user: {
      id: string;
      username: string;
      displayName: string;
      role: Role;
      orgUnitId: string;
      mustChangePassword: boolean;
    },
    session: { id: string; mfa: boolean },
    ip: string | null,
  ): Promise<Actor> {
    const restriction = restrictionOf(user, session.mfa);
    return {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      orgUnitId: user.orgUnitId,
      sessionId: session.id,
      mfa: session.mfa,
      restriction,
      permissions: new Set(restriction ? [] : permissionsOf(user.role)),
      ...(await deps.resolveScope(user.role, user.orgUnitId)),
      ip,
    };
  }

  // Sign-in attempts on one account run one after another in this process: otherwise a burst of
  // parallel guesses all pass the lock check before the first failure is counted. Across processes
  // the database decides: a failure counted on an account already locked, and a right password on
  // one locked meanwhile, are both answered "locked", so no guess past the threshold tells anything.
  const attemptsInFlight = new Map<string, Promise<unknown>>();
  function oneAtATime<T>(key: string, attempt: () => Promise<T>): Promise<T> {
    const run = (attemptsInFlight.get(key) ?? Promise.resolve()).then(attempt);
    const settled = run.catch(() => undefined);
    attemptsInFlight.set(key, settled);
    void settled.then(() => {
      if (attemptsInFlight.get(key) === settled) attemptsInFlight.delete(key);
    });
    return run;
  }

  /**
   * Checks the password (and the TOTP code for administrators who have enrolled) and opens a new
   * session. A locked account is refused before the password is looked at, so the sixth attempt
   * fails even with the right password.
   */
  /** Counts a failed attempt; true when the account was already locked (see `recordLoginFailure`). */
  const countFailure = (userId: string, now: Date) =>
    recordLoginFailure(db, userId, now, policy.lockoutThreshold, minutes(policy.lockoutMinutes));

  function login(input: { username: string; password: string; totp?: string; ip: string | null }) {
    return oneAtATime(input.username.toLowerCase(), () => attemptLogin(input));
  }

  async function attemptLogin(input: {
    username: string;
    password: string;
    totp?: string;
    ip: string | null;
  }): Promise<LoginResult> {
    const now = clock.now();
    const user = await findUserByUsername(db, input.username);
    const fail = async (
      code: 'AUTH_INVALID_CREDENTIALS' | 'AUTH_LOCKED' | 'AUTH_DISABLED' | 'AUTH_TOTP_INVALID',
      reason: string,
    ) => {
      await db.transaction().execute((trx) =>
        audit.record(
          trx,
          {
            id: user?.id ?? null,
            name: input.username.slice(0, 64),
            orgUnitId: user?.orgUnitId ?? null,
            ip: input.ip,
          },
          {
            action: 'auth.login',
            objectType: 'user',
            objectId: user?.id ?? null,
            result: 'failure',
            details: { reason },
          },
        ),
      );
      throw new AppError(code, code === 'AUTH_LOCKED' ? 423 : 401);
    };
    if (user?.lockedUntil && user.lockedUntil > now) return fail('AUTH_LOCKED', 'locked');
    if (
      user?.failureWindowStart &&
      now.getTime() - user.failureWindowStart.getTime() < minutes(60) &&
      user.failuresInWindow >= policy.maxFailuresPerHour
    ) {
      return fail('AUTH_LOCKED', 'hourly_failure_limit');
    }
    const passwordOk = await verifyPassword(user?.passwordHash ?? null, input.password);
    if (!user || !passwordOk) {
      if (user && (await countFailure(user.id, now))) return fail('AUTH_LOCKED', 'locked');
      return fail('AUTH_INVALID_CREDENTIALS', user ? 'wrong_password' : 'unknown_user');
    }
    if (user.disabledAt) return fail('AUTH_DISABLED', 'disabled');

    let mfa = false;
    let totpStep: number | null = null;
    if (isAdminRole(user.role) && user.totpEnabled && user.totpSecretEnc) {
      if (!input.totp) throw new AppError('AUTH_TOTP_REQUIRED', 401, { totpRequired: true });
      const result = verifyTotp(deps.crypto.decrypt(user.totpSecretEnc), input.totp, now.getTime());
      if (
        !result.ok ||
        result.step === null ||
        (user.totpLastStep !== null && result.step <= user.totpLastStep)
      ) {
        if (await countFailure(user.id, now)) return fail('AUTH_LOCKED', 'locked');
        return fail('AUTH_TOTP_INVALID', 'wrong_totp');
      }
      mfa = true;
      totpStep = result.step;
    }

    const { token, hash } = newSessionToken();
    const csrfToken = randomBytes(24).toString('base64url');
    const session = await db.transaction().execute(async (trx) => {
      // Attempts on one account are serialised per process only: another process may have locked it since.
      if (await isLockedForUpdate(trx, user.id, now)) return 'locked' as const;
      // Of concurrent sign-ins presenting the same code, only the first claims its step.
      if (totpStep !== null && !(await claimTotpStep(trx, user.id, totpStep))) return null;
      await resetLoginFailures(trx, user.id);
      const s = await insertSession(trx, {
        tokenHash: hash,
        userId: user.id,
        csrfToken,
        mfa,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + policy.sessionAbsoluteHours * 3600_000),
        endedAt: null,
        ip: input.ip,
      });
      await audit.record(
        trx,
        { id: user.id, name: user.username, orgUnitId: user.orgUnitId, ip: input.ip },
        { action: 'auth.login', objectType: 'user', objectId: user.id, details: { mfa } },
      );
      return s;
    });
    if (session === 'locked') return fail('AUTH_LOCKED', 'locked');
    if (!session) {
      if (await countFailure(user.id, now)) return fail('AUTH_LOCKED', 'locked');
      return fail('AUTH_TOTP_INVALID', 'wrong_totp');
    }
    return { token, csrfToken, actor: await buildActor(user, session, input.ip) };
  }

  /** Resolves a session cookie to its actor, or null when unknown, ended, idle or past its limit. */
  async function authenticate(
    token: string,
    ip: string | null,
  ): Promise<{ actor: Actor; csrfToken: string } | null> {
    const now = clock.now();
    const row = await findSessionByTokenHash(db, hashSessionToken(token));
    if (!row || row.endedAt || row.disabledAt) return null;
    if (
      row.expiresAt <= now ||
      now.getTime() - row.lastSeenAt.getTime() > minutes(policy.sessionIdleMinutes)
    ) {
      await endSession(db, row.sessionId, now);
      return null;
    }
    if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
      await touchSession(db, row.sessionId, now);
    }
    const actor = await buildActor(row, { id: row.sessionId, mfa: row.mfa }, ip);
    return { actor, csrfToken: row.csrfToken };
  }

  async function logout(actor: Actor): Promise<void> {
    await db.transaction().execute(async (trx) => {
      await endSession(trx, actor.sessionId, clock.now());
      await audit.record(trx, auditOf(actor), {
        action: 'auth.logout',
        objectType: 'user',
        objectId: actor.userId,
      });
    });
  }

  /** Changes the actor's password and ends every other session of theirs. */
  async function changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
    const user = await findUserById(db, actor.userId);
    if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) {
      throw new AppError('VALIDATION_FAILED', 400, [
        {
          field: 'currentPassword',
          code: 'WRONG_PASSWORD',
          message: '当前密码不正确',
          messageEn: 'The current password is wrong',
        },
      ]);
    }
    assertPasswordPolicy(newPassword, user.username, 'newPassword');
    if (currentPassword === newPassword) throw new AppError('AUTH_PASSWORD_REUSED', 400);
    const passwordHash = await hashPassword(newPassword);
    await db.transaction().execute(async (trx) => {
      await setPassword(trx, actor.userId, passwordHash, clock.now());
      await endSessionsOfUser(trx, actor.userId, clock.now(), actor.sessionId);
      await audit.record(trx, auditOf(actor), {
        action: 'auth.password_change',
        objectType: 'user',
        objectId: actor.userId,
      });
    });
  }

  /** Starts TOTP enrolment: stores a new secret (encrypted, not yet active) and returns it once. */
  async function beginTotpEnrolment(actor: Actor): Promise<{ secret: string; otpauthUrl: string }> {
    const user = await findUserById(db, actor.userId);
    if (!user) throw new AppError('NOT_FOUND', 404);
    if (user.totpEnabled && !actor.mfa) throw new AppError('FORBIDDEN', 403);
    const secret = generateTotpSecret();
    await db.transaction().execute(async (trx) => {
      await setPendingTotpSecret(trx, actor.userId, deps.crypto.encrypt(secret));
      await audit.record(trx, auditOf(actor), {
        action: 'auth.totp_begin',
        objectType: 'user',
        objectId: actor.userId,
      });
    });
    return { secret, otpauthUrl: otpauthUrl({ secret, account: user.username, issuer: 'Zhijiao' }) };
  }

  /** Confirms enrolment with a first code; the current session becomes a second-factor session. */
  async function confirmTotpEnrolment(actor: Actor, code: string): Promise<void> {
    const user = await findUserById(db, actor.userId);
    if (!user?.totpSecretEnc) throw new AppError('AUTH_TOTP_INVALID', 400);
    const result = verifyTotp(deps.crypto.decrypt(user.totpSecretEnc), code, clock.now().getTime());
    if (!result.ok) throw new AppError('AUTH_TOTP_INVALID', 400);
    await db.transaction().execute(async (trx) => {
      await enableTotp(trx, actor.userId, result.step);
      await markSessionMfa(trx, actor.sessionId);
      await audit.record(trx, auditOf(actor), {
        action: 'auth.totp_enrol',
        objectType: 'user',
        objectId: actor.userId,
      });
    });
  }

  return { login, authenticate, logout, changePassword, beginTotpEnrolment, confirmTotpEnrolment };
}

export type AuthService = ReturnType<typeof createAuthService>;

function auditOf(actor: Actor) {
  return { id: actor.userId, name: actor.username, orgUnitId: actor.orgUnitId, ip: actor.ip };
}

/** Throws a field error listing every policy rule the password breaks. */
export function assertPasswordPolicy(password: string, username: string, field: string): void {
  const check = checkPasswordPolicy(password, { username });
  if (!check.ok) {
    throw new AppError(
      'AUTH_PASSWORD_POLICY',
      400,
      check.reasons.map((r) => ({ field, code: r.code, message: r.zh, messageEn: r.en })),
    );
  }
}
