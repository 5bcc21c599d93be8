import { randomBytes } from 'node:crypto';
import { isAdminRole, permissionsOf, type Role } from '@zhijiao/contracts';
import type { Kysely } from 'kysely';
import type { AuditLog } from '../audit/audit-log.ts';
import type { Clock } from '../clock/clock.ts';
import type { Database } from '../db/database.types.ts';
import { AppError, RetryLaterError } from '../errors/app-error.ts';
import type { FieldCrypto } from '../crypto/field-crypto.ts';
import type { Actor, OrgScope, SessionRestriction } from './actor.ts';
import { hashPassword, verifyPassword } from './password-hash.ts';
import { checkPasswordPolicy } from './password-policy.ts';
import { createSignInGate } from './sign-in-gate.ts';
import { createTotpEnrolment, wrongCurrentPasswordIssue } from './totp-enrolment.ts';
import type { SignInLimits } from './sign-in.rules.ts';
import { hashSessionToken, newSessionToken } from './session-token.ts';
import { verifyTotp } from './totp.ts';
import { endSession, findSessionByTokenHash, insertSession, touchSession } from './sessions.repository.ts';
import {
  claimTotpStep,
  endSessionsOfUser,
  findUserById,
  findUserByUsername,
  addPasswordHistory,
  listPasswordHistory,
  PASSWORD_HISTORY_SIZE,
  setPassword,
} from './users.repository.ts';

export interface AuthPolicy extends SignInLimits {
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
  resolveScope: (
    role: Role | null,
    orgUnitId: string,
  ) => Promise<{ scope: OrgScope; districtId: string | null }>;
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
    user: { mustChangePassword: boolean; role: Role | null },
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
      role: Role | null;
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

  const gate = createSignInGate({ db, audit, limits: policy });

  /**
   * Checks the password (and the TOTP code of anyone who enabled it) and opens a new session.
   * Every refusal before the session looks the same to the client — 401 AUTH_INVALID_CREDENTIALS
   * after a password check — whether the name is unknown, the password wrong or the account
   * locked against this client; only a throttled client gets 429 (`sign-in.rules.ts`).
   */
  async function login(input: {
    username: string;
    password: string;
    totp?: string;
    ip: string | null;
  }): Promise<LoginResult> {
    const now = clock.now();
    const user = await findUserByUsername(db, input.username);
    const userId = user?.id ?? null;
    const actor = {
      id: userId,
      name: input.username.slice(0, 64),
      orgUnitId: user?.orgUnitId ?? null,
      ip: input.ip,
    };
    const decision = await gate.open({ ip: input.ip, userId, actor, now });
    if (decision.kind === 'throttled')
      throw new RetryLaterError('AUTH_THROTTLED', decision.retryAfterSeconds);
    // Checked even when the answer is already known, so a locked account takes as long as a wrong password.
    const passwordOk = await verifyPassword(user?.passwordHash ?? null, input.password);
    const fail = async (
      code: 'AUTH_INVALID_CREDENTIALS' | 'AUTH_DISABLED' | 'AUTH_TOTP_INVALID',
      reason: string,
      countOnAccount = true,
    ): Promise<never> => {
      await gate.fail({
        ip: input.ip,
        userId,
        actor,
        now,
        attemptId: decision.attemptId,
        reason,
        countOnAccount,
      });
      throw new AppError(code, 401);
    };
    if (decision.kind === 'refused') return fail('AUTH_INVALID_CREDENTIALS', decision.reason, false);
    if (!user || !passwordOk)
      return fail('AUTH_INVALID_CREDENTIALS', user ? 'wrong_password' : 'unknown_user');
    if (user.disabledAt) return fail('AUTH_DISABLED', 'disabled', false);

    let mfa = false;
    let totpStep: number | null = null;
    if (user.totpEnabled && user.totpSecretEnc) {
      if (!input.totp) {
        await gate.withdraw(decision.attemptId);
        throw new AppError('AUTH_TOTP_REQUIRED', 401, { totpRequired: true });
      }
      const result = verifyTotp(deps.crypto.decrypt(user.totpSecretEnc), input.totp, now.getTime());
      if (
        !result.ok ||
        result.step === null ||
        (user.totpLastStep !== null && result.step <= user.totpLastStep)
      )
        return fail('AUTH_TOTP_INVALID', 'wrong_totp');
      mfa = true;
      totpStep = result.step;
    }

    const { token, hash } = newSessionToken();
    const csrfToken = randomBytes(24).toString('base64url');
    const session = await db.transaction().execute(async (trx) => {
      await gate.hold(trx, user.id);
      // Of concurrent sign-ins presenting the same code, only the first claims its step.
      if (totpStep !== null && !(await claimTotpStep(trx, user.id, totpStep))) return null;
      await gate.succeed(trx, { attemptId: decision.attemptId, userId: user.id, ip: input.ip, now });
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
    if (!session) return fail('AUTH_TOTP_INVALID', 'wrong_totp');
    return { token, csrfToken, actor: await buildActor(user, session, input.ip) };
  }

  /**
   * Resolves a session cookie to its actor, or null when unknown, ended, idle or past its limit,
   * or without the second factor its account has enabled.
   */
  async function authenticate(
    token: string,
    ip: string | null,
  ): Promise<{ actor: Actor; csrfToken: string } | null> {
    const now = clock.now();
    const row = await findSessionByTokenHash(db, hashSessionToken(token));
    if (!row || row.endedAt || row.disabledAt) return null;
    if (
      // A session without the second factor of an account that has it (opened before enrolment):
      // confirming enrolment ends such sessions; this refuses any that remain.
      (row.totpEnabled && !row.mfa) ||
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

  /**
   * Changes the actor's password and ends every other session of theirs. The new password must
   * meet the policy and differ from the last 5 (the current one included). A wrong current
   * password counts as a failed sign-in (`SignInGate.failProof`).
   */
  async function changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
    const user = await findUserById(db, actor.userId);
    if (!user) throw wrongCurrentPassword();
    if (!(await verifyPassword(user.passwordHash, currentPassword))) {
      // Counted like a failed sign-in: a session holder cannot guess the password here unlimited.
      await gate.failProof({
        ip: actor.ip,
        userId: user.id,
        sessionId: actor.sessionId,
        actor: auditOf(actor),
        now: clock.now(),
        action: 'auth.password_change',
        reason: 'wrong_password',
      });
      throw wrongCurrentPassword();
    }
    assertPasswordPolicy(newPassword, user.username, 'newPassword');
    const history = await listPasswordHistory(db, user.id);
    const recent = [user.passwordHash, ...history.filter((h) => h !== user.passwordHash)].slice(
      0,
      PASSWORD_HISTORY_SIZE,
    );
    for (const old of recent) {
      if (await verifyPassword(old, newPassword)) {
        throw new AppError('AUTH_PASSWORD_REUSED', 400, [
          {
            field: 'newPassword',
            code: 'PASSWORD_RECENTLY_USED',
            message: `新密码不能与最近 ${PASSWORD_HISTORY_SIZE} 次使用过的密码相同`,
            messageEn: `The new password must differ from your last ${PASSWORD_HISTORY_SIZE} passwords`,
          },
        ]);
      }
    }
    const passwordHash = await hashPassword(newPassword);
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      await setPassword(trx, actor.userId, passwordHash, now);
      // The retiring password joins the history unless it is there already (it was set here).
      await addPasswordHistory(
        trx,
        actor.userId,
        history[0] === user.passwordHash ? [passwordHash] : [user.passwordHash, passwordHash],
        now,
      );
      await endSessionsOfUser(trx, actor.userId, now, actor.sessionId);
      await audit.record(trx, auditOf(actor), {
        action: 'auth.password_change',
        objectType: 'user',
        objectId: actor.userId,
      });
    });
  }

  return { login, authenticate, logout, changePassword, ...createTotpEnrolment(deps, gate) };
}

export type AuthService = ReturnType<typeof createAuthService>;

const wrongCurrentPassword = () => new AppError('VALIDATION_FAILED', 400, [wrongCurrentPasswordIssue]);

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
