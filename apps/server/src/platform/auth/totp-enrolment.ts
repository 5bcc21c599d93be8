import { auditActorOf, type Actor } from './actor.ts';
import { AppError, fieldError } from '../errors/app-error.ts';
import type { AuthDeps } from './auth.service.ts';
import { verifyPassword } from './password-hash.ts';
import { markSessionMfa } from './sessions.repository.ts';
import { generateTotpSecret, otpauthUrl, verifyTotp } from './totp.ts';
import { claimTotpStep, enableTotp, findUserById, setPendingTotpSecret } from './users.repository.ts';

/** A field problem, as `AppError` details carry it. */
export type FieldIssue = { field: string; code: string; message: string; messageEn: string };
/** The problem of a wrong `currentPassword`, wherever a form asks for it. */
export const wrongCurrentPasswordIssue: FieldIssue = {
  field: 'currentPassword',
  code: 'WRONG_PASSWORD',
  message: '当前密码不正确',
  messageEn: 'The current password is wrong',
};

/**
 * TOTP enrolment for any account (administrators must have it; anyone may turn it on): a new
 * secret waits as pending until a first code confirms it.
 */
export function createTotpEnrolment(deps: Pick<AuthDeps, 'db' | 'audit' | 'clock' | 'crypto'>) {
  const { db, audit, clock } = deps;
  const auditOf = (actor: Actor) => auditActorOf(actor);

  /**
   * Starts TOTP enrolment: stores a new secret (encrypted, pending) and returns it once. Replacing
   * an active secret needs the password and a current code from that secret, so a session left
   * open cannot move the second factor to someone else's phone; the old secret stays in force
   * until the new one is confirmed.
   */
  async function beginTotpEnrolment(
    actor: Actor,
    proof: { currentPassword?: string; code?: string } = {},
  ): Promise<{ secret: string; otpauthUrl: string }> {
    const user = await findUserById(db, actor.userId);
    if (!user) throw new AppError('NOT_FOUND', 404);
    if (user.totpEnabled && !actor.mfa) throw new AppError('FORBIDDEN', 403);
    let step: number | null = null;
    if (user.totpEnabled && user.totpSecretEnc) {
      const problems: FieldIssue[] = [];
      if (!proof.currentPassword || !(await verifyPassword(user.passwordHash, proof.currentPassword)))
        problems.push(wrongCurrentPasswordIssue);
      const result = proof.code
        ? verifyTotp(deps.crypto.decrypt(user.totpSecretEnc), proof.code, clock.now().getTime())
        : null;
      if (
        !result?.ok ||
        result.step === null ||
        (user.totpLastStep !== null && result.step <= user.totpLastStep)
      )
        problems.push({
          field: 'code',
          code: 'AUTH_TOTP_INVALID',
          message: '请输入当前动态验证码（来自已绑定的身份验证器）',
          messageEn: 'Enter the current code from the authenticator app already set up',
        });
      else step = result.step;
      if (problems.length > 0) {
        await db.transaction().execute((trx) =>
          audit.record(trx, auditOf(actor), {
            action: 'auth.totp_begin',
            objectType: 'user',
            objectId: actor.userId,
            result: 'failure',
            details: { reason: problems.map((p) => p.field).join(',') },
          }),
        );
        throw new AppError('VALIDATION_FAILED', 400, problems);
      }
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

  /** Confirms enrolment with a first code; the current session becomes a second-factor session. */
  async function confirmTotpEnrolment(actor: Actor, code: string): Promise<void> {
    const user = await findUserById(db, actor.userId);
    if (!user?.totpPendingSecretEnc) throw new AppError('AUTH_TOTP_INVALID', 400);
    const result = verifyTotp(deps.crypto.decrypt(user.totpPendingSecretEnc), code, clock.now().getTime());
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

  return { beginTotpEnrolment, confirmTotpEnrolment };
}
