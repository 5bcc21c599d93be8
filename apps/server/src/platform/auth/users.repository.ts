import type { Role } from '@zhijiao/contracts';
import { sql, type Insertable, type NotNull, type Updateable } from 'kysely';
import type { Executor } from '../db/database.ts';
import type { UserTable } from './auth.tables.ts';

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
 * the hourly window counts every failure for the per-hour cap. One UPDATE computing from the
 * stored values, so concurrent failures are all counted. Says whether this failure locked it.
 */
export async function recordLoginFailure(
  db: Executor,
  userId: string,
  now: Date,
  threshold: number,
  lockMs: number,
): Promise<{ locked: boolean }> {
  const windowFresh = sql<boolean>`failure_window_start > ${new Date(now.getTime() - 3600_000)}`;
  const reached = sql<boolean>`failed_attempts + 1 >= ${threshold}`;
  const lockUntil = new Date(now.getTime() + lockMs);
  const row = await db
    .updateTable('appUser')
    .set({
      failedAttempts: sql<number>`CASE WHEN ${reached} THEN 0 ELSE failed_attempts + 1 END`,
      lockedUntil: sql<Date>`CASE WHEN ${reached} THEN ${lockUntil} ELSE locked_until END`,
      failureWindowStart: sql<Date>`CASE WHEN ${windowFresh} THEN failure_window_start ELSE ${now} END`,
      failuresInWindow: sql<number>`CASE WHEN ${windowFresh} THEN failures_in_window + 1 ELSE 1 END`,
    })
    .where('id', '=', userId)
    .returning(['failedAttempts', 'lockedUntil'])
    .executeTakeFirst();
  return { locked: row?.failedAttempts === 0 && row.lockedUntil?.getTime() === lockUntil.getTime() };
}

/** The account's lock as stored now (read inside a sign-in's gate, after its advisory lock). */
export function findLockState(db: Executor, userId: string) {
  return db
    .selectFrom('appUser')
    .select(['failedAttempts', 'lockedUntil', 'failureWindowStart', 'failuresInWindow'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
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

/** Ends every open session of a user (but `keepSessionId`, the one making the change). */
export async function endSessionsOfUser(
  db: Executor,
  userId: string,
  now: Date,
  keepSessionId?: string,
): Promise<void> {
  let q = db
    .updateTable('userSession')
    .set({ endedAt: now })
    .where('userId', '=', userId)
    .where('endedAt', 'is', null);
  if (keepSessionId) q = q.where('id', '!=', keepSessionId);
  await q.execute();
}

/** What other modules may read of accounts: who they are and where, never secrets. */
export interface UserRef {
  id: string;
  username: string;
  displayName: string;
  role: Role | null;
  orgUnitId: string;
  disabled: boolean;
}

/**
 * Accounts by id, for showing who did something (`reviewedBy`, an inspector's name) or checking
 * that named users exist and hold a role. Missing ids are simply absent from the map.
 *
 * @example (await findUserRefs(db, [e.actorId])).get(e.actorId)?.displayName ?? null
 */
export async function findUserRefs(
  db: Executor,
  ids: readonly (string | null)[],
): Promise<Map<string, UserRef>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom('appUser')
    .select(['id', 'username', 'displayName', 'role', 'orgUnitId', 'disabledAt'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        username: r.username,
        displayName: r.displayName,
        role: r.role,
        orgUnitId: r.orgUnitId,
        disabled: r.disabledAt !== null,
      },
    ]),
  );
}

/**
 * Active accounts holding one of `roles` (any role without the filter) at any of `orgUnitIds`
 * (e.g. the district's inspectors). An account not yet granted a role is never among them.
 */
export async function listUserRefs(
  db: Executor,
  filter: { roles?: readonly Role[]; orgUnitIds?: readonly string[] },
): Promise<Array<UserRef & { role: Role }>> {
  let q = db
    .selectFrom('appUser')
    .select(['id', 'username', 'displayName', 'role', 'orgUnitId'])
    .where('disabledAt', 'is', null)
    .where('role', 'is not', null)
    .$narrowType<{ role: NotNull }>();
  if (filter.roles) {
    if (filter.roles.length === 0) return [];
    q = q.where('role', 'in', [...filter.roles]);
  }
  if (filter.orgUnitIds) {
    if (filter.orgUnitIds.length === 0) return [];
    q = q.where('orgUnitId', 'in', [...filter.orgUnitIds]);
  }
  const rows = await q.orderBy('displayName').execute();
  return rows.map((r) => ({ ...r, disabled: false }));
}

/**
 * Every account with what its administrators see (never a secret), by username. For the org
 * module's account administration, which names the units itself.
 */
export function listAccounts(db: Executor) {
  return db
    .selectFrom('appUser')
    .select([
      'id',
      'username',
      'displayName',
      'role',
      'orgUnitId',
      'disabledAt',
      'lockedUntil',
      'mustChangePassword',
      'totpEnabled',
      'createdAt',
    ])
    .orderBy('username')
    .execute();
}

/**
 * Creates an account (the org module's administration decides who may, and with which role:
 * none when the system administrator creates it).
 *
 * @example const user = await createAccount(trx, { username, displayName, passwordHash, role, orgUnitId, … })
 */
export function createAccount(db: Executor, values: Insertable<UserTable>) {
  return db
    .insertInto('appUser')
    .values(values)
    .returning(['id', 'username', 'role'])
    .executeTakeFirstOrThrow();
}

/** What account administration may change: standing, role and its scope, lockout, a one-time password. */
export type AccountChanges = Pick<
  Updateable<UserTable>,
  | 'disabledAt'
  | 'role'
  | 'orgUnitId'
  | 'lockedUntil'
  | 'failedAttempts'
  | 'failuresInWindow'
  | 'passwordHash'
  | 'mustChangePassword'
>;

/** Changes an account, e.g. `updateAccount(trx, id, { disabledAt: now })`. */
export async function updateAccount(db: Executor, id: string, changes: AccountChanges): Promise<void> {
  await db.updateTable('appUser').set(changes).where('id', '=', id).execute();
}

/** Sets a new password hash; the account no longer needs a password change. */
export async function setPassword(
  db: Executor,
  userId: string,
  passwordHash: string,
  now: Date,
): Promise<void> {
  await db
    .updateTable('appUser')
    .set({ passwordHash, mustChangePassword: false, passwordChangedAt: now })
    .where('id', '=', userId)
    .execute();
}

/** Stores a new TOTP secret (encrypted) waiting for its first code; an active one stays in force. */
export async function setPendingTotpSecret(db: Executor, userId: string, secretEnc: string): Promise<void> {
  await db.updateTable('appUser').set({ totpPendingSecretEnc: secretEnc }).where('id', '=', userId).execute();
}

/**
 * Makes the pending secret the active one, with the step of the code that confirmed it (that code
 * can't be replayed).
 */
export async function enableTotp(db: Executor, userId: string, step: number | null): Promise<void> {
  await db
    .updateTable('appUser')
    .set((eb) => ({
      totpSecretEnc: eb.ref('totpPendingSecretEnc'),
      totpPendingSecretEnc: null,
      totpEnabled: true,
      totpLastStep: step,
    }))
    .where('id', '=', userId)
    .where('totpPendingSecretEnc', 'is not', null)
    .execute();
}

/** How many recent passwords an account keeps in its history, the current one included. */
export const PASSWORD_HISTORY_SIZE = 5;

/** Hashes of the account's recent passwords, newest first. */
export async function listPasswordHistory(db: Executor, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('passwordHistory')
    .select('passwordHash')
    .where('userId', '=', userId)
    .orderBy('id', 'desc')
    .limit(PASSWORD_HISTORY_SIZE)
    .execute();
  return rows.map((r) => r.passwordHash);
}

/** Adds hashes (oldest first) to the account's history and forgets all but the newest 5. */
export async function addPasswordHistory(
  db: Executor,
  userId: string,
  passwordHashes: readonly string[],
  now: Date,
): Promise<void> {
  if (passwordHashes.length === 0) return;
  await db
    .insertInto('passwordHistory')
    .values(passwordHashes.map((passwordHash) => ({ userId, passwordHash, createdAt: now })))
    .execute();
  const kept = db
    .selectFrom('passwordHistory')
    .select('id')
    .where('userId', '=', userId)
    .orderBy('id', 'desc')
    .limit(PASSWORD_HISTORY_SIZE);
  await db.deleteFrom('passwordHistory').where('userId', '=', userId).where('id', 'not in', kept).execute();
}
