import type { Executor } from '../db/database.ts';

/** Users by username, case-insensitively (usernames are unique ignoring case). */
export function findUserByUsername(db: Executor, username: string) {
  return db
    .selectFrom('appUser')
    .selectAll()
    .where((eb) => eb(eb.fn('lower', ['username']), '=', username.toLowerCase()))
    .executeTakeFirst();
}

export function findUserById(db: Executor, id: string) {
  return db.selectFrom('appUser').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Counts a failed attempt: consecutive failures lock the account for `lockMs` at the threshold;
 * the hourly window counts every failure for the per-hour cap.
 */
export async function recordLoginFailure(
  db: Executor,
  userId: string,
  now: Date,
  threshold: number,
  lockMs: number,
): Promise<void> {
  const user = await findUserById(db, userId);
  if (!user) return;
  const windowFresh = user.failureWindowStart && now.getTime() - user.failureWindowStart.getTime() < 3600_000;
  const failed = user.failedAttempts + 1;
  await db
    .updateTable('appUser')
    .set({
      failedAttempts: failed >= threshold ? 0 : failed,
      lockedUntil: failed >= threshold ? new Date(now.getTime() + lockMs) : user.lockedUntil,
      failureWindowStart: windowFresh ? user.failureWindowStart : now,
      failuresInWindow: windowFresh ? user.failuresInWindow + 1 : 1,
    })
    .where('id', '=', userId)
    .execute();
}

export async function resetLoginFailures(db: Executor, userId: string): Promise<void> {
  await db
    .updateTable('appUser')
    .set({ failedAttempts: 0, lockedUntil: null })
    .where('id', '=', userId)
    .execute();
}

/**
 * Records a TOTP time step as used, unless it (or a later one) already is: RFC 6238 §5.2 accepts
 * each code once. One conditional UPDATE, so of two concurrent sign-ins with the same code only
 * one gets `true` (the second waits for the first's row lock, then sees the step taken).
 */
export async function claimTotpStep(db: Executor, userId: string, step: number): Promise<boolean> {
  const result = await db
    .updateTable('appUser')
    .set({ totpLastStep: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totpLastStep', 'is', null), eb('totpLastStep', '<', step)]))
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
