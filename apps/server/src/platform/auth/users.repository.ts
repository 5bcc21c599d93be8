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

export async function resetLoginFailures(
  db: Executor,
  userId: string,
  totpStep: number | null,
): Promise<void> {
  await db
    .updateTable('appUser')
    .set({ failedAttempts: 0, lockedUntil: null, ...(totpStep !== null ? { totpLastStep: totpStep } : {}) })
    .where('id', '=', userId)
    .execute();
}
