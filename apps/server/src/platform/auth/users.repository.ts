import type { Role } from '@zhijiao/contracts';
import { sql, type Insertable, type Updateable } from 'kysely';
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
 * stored values under the row's lock, so concurrent failures, in any app process, are all counted.
 * Answers true when the account was already locked (another attempt, perhaps in another process,
 * locked it meanwhile): the caller answers "locked" then, whatever the password, and the lock
 * keeps its end.
 */
export async function recordLoginFailure(
  db: Executor,
  userId: string,
  now: Date,
  threshold: number,
  lockMs: number,
): Promise<boolean> {
  const windowStart = new Date(now.getTime() - 3600_000);
  const { rows } = await sql<{ wasLocked: boolean }>`
    WITH before AS (
      SELECT id, coalesce(locked_until > ${now}, false) AS was_locked FROM app_user WHERE id = ${userId} FOR UPDATE
    )
    UPDATE app_user u SET
      failed_attempts = CASE WHEN before.was_locked THEN u.failed_attempts
                             WHEN u.failed_attempts + 1 >= ${threshold} THEN 0 ELSE u.failed_attempts + 1 END,
      locked_until = CASE WHEN before.was_locked THEN u.locked_until
                          WHEN u.failed_attempts + 1 >= ${threshold} THEN ${new Date(now.getTime() + lockMs)}
                          ELSE u.locked_until END,
      failure_window_start = CASE WHEN u.failure_window_start > ${windowStart} THEN u.failure_window_start ELSE ${now} END,
      failures_in_window = CASE WHEN u.failure_window_start > ${windowStart} THEN u.failures_in_window + 1 ELSE 1 END
    FROM before WHERE u.id = before.id
    RETURNING before.was_locked AS "wasLocked"`.execute(db);
  return rows[0]?.wasLocked ?? false;
}

/**
 * Locks the account's row for the rest of the transaction and answers whether it is locked at
 * `now`: a sign-in whose password was right opens its session only if no concurrent failure (in
 * any process) has locked the account since its first check.
 */
export async function isLockedForUpdate(trx: Executor, userId: string, now: Date): Promise<boolean> {
  const row = await trx
    .selectFrom('appUser')
    .select('lockedUntil')
    .where('id', '=', userId)
    .forUpdate()
    .executeTakeFirst();
  return row?.lockedUntil ? row.lockedUntil > now : false;
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
  role: Role;
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

/** Active accounts holding one of `roles` at any of `orgUnitIds` (e.g. the district's inspectors). */
export async function listUserRefs(
  db: Executor,
  filter: { roles?: readonly Role[]; orgUnitIds?: readonly string[] },
): Promise<UserRef[]> {
  let q = db
    .selectFrom('appUser')
    .select(['id', 'username', 'displayName', 'role', 'orgUnitId'])
    .where('disabledAt', 'is', null);
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
 * Creates an account (the org module's administration decides who may, and with which role).
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

/** What account administration may change: standing, role, lockout, a one-time password. */
export type AccountChanges = Pick<
  Updateable<UserTable>,
  | 'disabledAt'
  | 'role'
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

/** Stores a new TOTP secret (encrypted), not yet active. */
export async function setPendingTotpSecret(db: Executor, userId: string, secretEnc: string): Promise<void> {
  await db
    .updateTable('appUser')
    .set({ totpSecretEnc: secretEnc, totpEnabled: false, totpLastStep: null })
    .where('id', '=', userId)
    .execute();
}

/** Activates TOTP with the step of the code that confirmed it (that code can't be replayed). */
export async function enableTotp(db: Executor, userId: string, step: number | null): Promise<void> {
  await db
    .updateTable('appUser')
    .set({ totpEnabled: true, totpLastStep: step })
    .where('id', '=', userId)
    .execute();
}
