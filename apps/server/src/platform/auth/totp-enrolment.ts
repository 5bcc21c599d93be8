import { auditActorOf, type Actor } from './actor.ts';
import { AppError, fieldError } from '../errors/app-error.ts';
import type { AuthDeps } from './auth.service.ts';
import { verifyPassword } from './password-hash.ts';
import { markSessionMfa } from './sessions.repository.ts';
import { generateTotpSecret, otpauthUrl, verifyTotp } from './totp.ts';
import type { SignInGate } from './sign-in-gate.ts';
import {
  claimTotpStep,
  enableTotp,
  endSessionsOfUser,
  findUserById,
  setPendingTotpSecret,
} from './users.repository.ts';

/** A field problem, as `AppError` details carry it. */
export type FieldIssue = { field: string; code: string; message: string; messageEn: string };
/** The problem of a wrong `currentPassword`, wherever a form asks for it. */
export const wrongCurrentPasswordIssue: FieldIssue = {
  field: 'currentPassword',
  code: 'WRONG_PASSWORD',
  message: '当前密码不正确',
  messageEn: 'The current password is wrong',
};

/** The problem of a wrong password or code where a form asks for both: it does not say which. */
export const wrongPasswordOrCodeIssues: FieldIssue[] = ['currentPassword', 'code'].map((field) => ({
  field,
  code: 'WRONG_PASSWORD_OR_CODE',
  message: '当前密码或动态验证码不正确',
  messageEn: 'The current password or the authenticator code is wrong',
}));

/**
 * TOTP enrolment for any account (administrators must have it; anyone may turn it on): a new
 * secret waits as pending until a first code confirms it.
 */
export function createTotpEnrolment(
  deps: Pick<AuthDeps, 'db' | 'audit' | 'clock' | 'crypto'>,
  gate: Pick<SignInGate, 'failProof'>,
) {
  const { db, audit, clock } = deps;
  const auditOf = (actor: Actor) => auditActorOf(actor);

  /**
   * Starts TOTP enrolment: stores a new secret (encrypted, pending) and returns it once. Every
   * start needs the password, so a session left open cannot turn TOTP on and lock its owner out;
   * replacing an active secret also needs a current code from it, so it cannot move the second
   * factor to someone else's phone. A wrong proof says not which part was wrong and counts as a
   * failed sign-in of the account (`SignInGate.failProof`: the session ends when it locks the
   * account). The old secret stays in force until the new one is confirmed.
   */
  async function beginTotpEnrolment(
    actor: Actor,
    proof: { currentPassword?: string; code?: string } = {},
  ): Promise<{ secret: string; otpauthUrl: string }> {
    const user = await findUserById(db, actor.userId);
    if (!user) throw new AppError('NOT_FOUND', 404);
    if (user.totpEnabled && !actor.mfa) throw new AppError('FORBIDDEN', 403);
    const replacing = user.totpEnabled && user.totpSecretEnc !== null;
    // Checked even without a password, so a missing one takes as long as a wrong one.
    const passwordOk =
      (await verifyPassword(user.passwordHash, proof.currentPassword ?? '')) && !!proof.currentPassword;
    let step: number | null = null;
    let codeOk = true;
    if (replacing) {
      const result = proof.code
        ? verifyTotp(deps.crypto.decrypt(user.totpSecretEnc!), proof.code, clock.now().getTime())
        : null;
      codeOk =
        !!result?.ok &&
        result.step !== null &&
        (user.totpLastStep === null || result.step > user.totpLastStep);
      if (codeOk) step = result!.step;
    }
    if (!passwordOk || !codeOk) {
      await gate.failProof({
        ip: actor.ip,
        userId: actor.userId,
        sessionId: actor.sessionId,
        actor: auditOf(actor),
        now: clock.now(),
        action: 'auth.totp_begin',
        reason: replacing ? 'wrong_password_or_code' : 'wrong_password',
      });
      throw new AppError(
        'VALIDATION_FAILED',
        400,
        replacing ? wrongPasswordOrCodeIssues : [wrongCurrentPasswordIssue],
      );
    }
    const secret = generateTotpSecret();
    await db.transaction().execute(async (trx) => {
      if (step !== null && !(await claimTotpStep(trx, user.id, step)))
        throw fieldError('code', 'AUTH_TOTP_INVALID', '动态验证码已使用过', 'The code has been used already');
      await setPendingTotpSecret(trx, actor.userId, deps.crypto.encrypt(secret));
      await audit.record(trx, auditOf(actor), {
        action: 'auth.totp_begin',
        objectType: 'user',
        objectId: actor.userId,
        details: { replacing: user.totpEnabled },
      });
    });
    return { secret, otpauthUrl: otpauthUrl({ secret, account: user.username, issuer: 'Zhijiao' }) };
  }

  /**
   * Confirms enrolment with a first code: the current session becomes a second-factor session and
   * every other session of the account ends, so none opened before (with the password alone, or
   * with the replaced secret) outlives the new second factor.
   */
  async function confirmTotpEnrolment(actor: Actor, code: string): Promise<void> {
    const user = await findUserById(db, actor.userId);
    if (!user?.totpPendingSecretEnc) throw new AppError('AUTH_TOTP_INVALID', 400);
    const now = clock.now();
    const result = verifyTotp(deps.crypto.decrypt(user.totpPendingSecretEnc), code, now.getTime());
    if (!result.ok) throw new AppError('AUTH_TOTP_INVALID', 400);
    await db.transaction().execute(async (trx) => {
      await enableTotp(trx, actor.userId, result.step);
      await markSessionMfa(trx, actor.sessionId);
      await endSessionsOfUser(trx, actor.userId, now, actor.sessionId);
      await audit.record(trx, auditOf(actor), {
        action: 'auth.totp_enrol',
        objectType: 'user',
        objectId: actor.userId,
      });
    });
  }

  return { beginTotpEnrolment, confirmTotpEnrolment };
}
