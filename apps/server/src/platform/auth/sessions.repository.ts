import type { Executor } from '../db/database.ts';
import type { UserSessionTable } from './auth.tables.ts';

/** Stores a new session (its token only as a hash) and returns its id. */
export function insertSession(
  db: Executor,
  row: Omit<UserSessionTable, 'id'>,
): Promise<{ id: string; mfa: boolean }> {
  return db.insertInto('userSession').values(row).returning(['id', 'mfa']).executeTakeFirstOrThrow();
}

/** The session with this token hash and its account (what authenticating a request needs). */
export function findSessionByTokenHash(db: Executor, tokenHash: string) {
  return db
    .selectFrom('userSession as s')
    .innerJoin('appUser as u', 'u.id', 's.userId')
    .select([
      's.id as sessionId',
      's.mfa',
      's.csrfToken',
      's.lastSeenAt',
      's.expiresAt',
      's.endedAt',
      'u.id',
      'u.username',
      'u.displayName',
      'u.role',
      'u.orgUnitId',
      'u.mustChangePassword',
      'u.disabledAt',
      'u.totpEnabled',
    ])
    .where('s.tokenHash', '=', tokenHash)
    .executeTakeFirst();
}

/** Ends one session now. */
export async function endSession(db: Executor, sessionId: string, now: Date): Promise<void> {
  await db.updateTable('userSession').set({ endedAt: now }).where('id', '=', sessionId).execute();
}

/** Records activity on a session (the idle limit counts from here). */
export async function touchSession(db: Executor, sessionId: string, now: Date): Promise<void> {
  await db.updateTable('userSession').set({ lastSeenAt: now }).where('id', '=', sessionId).execute();
}

/** Marks a session as holding a second factor (after TOTP enrolment). */
export async function markSessionMfa(db: Executor, sessionId: string): Promise<void> {
  await db.updateTable('userSession').set({ mfa: true }).where('id', '=', sessionId).execute();
}
