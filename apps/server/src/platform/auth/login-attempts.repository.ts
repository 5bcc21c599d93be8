import type { Executor } from '../db/database.ts';
import { lockForTransaction } from '../db/advisory-lock.ts';
import type { LoginAttemptTable } from './auth.tables.ts';

/**
 * Sign-in attempts by client key (an IPv4 address or an IPv6 /64) and account, in the database so
 * every server process sees the same counts. An attempt is written `pending` before its password
 * is checked and settled afterwards, so a parallel burst is counted as it arrives.
 */

/** Serialises the rest of the transaction with every other one holding one of the same keys. */
export async function lockSignInKeys(trx: Executor, keys: readonly string[]): Promise<void> {
  // Always in the same order, so two transactions wanting the same keys cannot deadlock.
  for (const key of [...new Set(keys)].sort()) await lockForTransaction(trx, `sign-in|${key}`);
}

/**
 * Forgets what no rule looks at any more: failures (and pending attempts a crashed process left)
 * older than `failuresBefore`, successes older than `successesBefore`.
 */
export async function pruneLoginAttempts(db: Executor, failuresBefore: Date, successesBefore: Date) {
  await db
    .deleteFrom('loginAttempt')
    .where((eb) =>
      eb.or([
        eb('at', '<', successesBefore),
        eb.and([eb('outcome', '!=', 'success'), eb('at', '<', failuresBefore)]),
      ]),
    )
    .execute();
}

/**
 * When the client's failed attempts since `since` were made, oldest first: with `pending` (the
 * default) also those still being checked, as the throttle counts them.
 */
export async function listAddressFailures(
  db: Executor,
  clientKey: string,
  since: Date,
  opts: { pending: boolean } = { pending: true },
): Promise<Date[]> {
  const rows = await db
    .selectFrom('loginAttempt')
    .select('at')
    .where('clientKey', '=', clientKey)
    .where('outcome', 'in', opts.pending ? ['pending', 'failure'] : ['failure'])
    .where('at', '>', since)
    .orderBy('at')
    .execute();
  return rows.map((r) => r.at);
}

/**
 * How an account stands towards one client: whether the client has failed (or is trying) on it
 * since `failingSince` and since it last signed in to it (a success ends its run of failures),
 * whether it has signed in to it since `knownSince`, and how many attempts on the account from
 * anywhere are still being checked.
 */
export async function accountStanding(
  db: Executor,
  userId: string,
  clientKey: string,
  since: { failing: Date; known: Date },
): Promise<{ addressFailing: boolean; addressKnown: boolean; pending: number }> {
  const row = await db
    .selectFrom('loginAttempt')
    .select((eb) => [
      eb.fn
        .max('id')
        .filterWhere((w) => w.and([w('clientKey', '=', clientKey), w('outcome', '=', 'success')]))
        .as('lastSuccess'),
      eb.fn
        .countAll<string>()
        .filterWhere((w) =>
          w.and([w('clientKey', '=', clientKey), w('outcome', '=', 'success'), w('at', '>', since.known)]),
        )
        .as('known'),
      eb.fn
        .countAll<string>()
        .filterWhere((w) => w.and([w('outcome', '=', 'pending'), w('at', '>', since.failing)]))
        .as('pending'),
    ])
    .where('userId', '=', userId)
    .executeTakeFirstOrThrow();
  let failing = db
    .selectFrom('loginAttempt')
    .select('id')
    .where('userId', '=', userId)
    .where('clientKey', '=', clientKey)
    .where('outcome', 'in', ['pending', 'failure'])
    .where('at', '>', since.failing);
  if (row.lastSuccess !== null) failing = failing.where('id', '>', row.lastSuccess);
  return {
    addressFailing: (await failing.limit(1).executeTakeFirst()) !== undefined,
    addressKnown: Number(row.known) > 0,
    pending: Number(row.pending),
  };
}

/**
 * Whether a client other than `clientKey` is failing on the account: it has failed (or is trying)
 * since `since` and has not signed in to it since.
 */
export async function othersFailing(
  db: Executor,
  userId: string,
  clientKey: string,
  since: Date,
): Promise<boolean> {
  const row = await db
    .selectFrom('loginAttempt as f')
    .select('f.id')
    .where('f.userId', '=', userId)
    .where('f.clientKey', '!=', clientKey)
    .where('f.outcome', 'in', ['pending', 'failure'])
    .where('f.at', '>', since)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('loginAttempt as s')
            .select('s.id')
            .whereRef('s.userId', '=', 'f.userId')
            .whereRef('s.clientKey', '=', 'f.clientKey')
            .where('s.outcome', '=', 'success')
            .whereRef('s.id', '>', 'f.id'),
        ),
      ),
    )
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Whether the client has had a throttled attempt refused since `since` (the last failure that
 * counts towards its throttle): the first refusal of a throttle period is audited, later ones only
 * counted.
 */
export async function hasThrottledSince(db: Executor, clientKey: string, since: Date): Promise<boolean> {
  const row = await db
    .selectFrom('loginAttempt')
    .select('id')
    .where('clientKey', '=', clientKey)
    .where('outcome', '=', 'throttled')
    .where('at', '>=', since)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Writes an attempt and returns its id. */
export async function insertLoginAttempt(
  db: Executor,
  values: Omit<LoginAttemptTable, 'id'>,
): Promise<string> {
  const row = await db.insertInto('loginAttempt').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Settles a pending attempt as a success or a failure; says whether it was still pending (an
 * attempt is settled once).
 */
export async function settleLoginAttempt(
  db: Executor,
  id: string,
  outcome: 'failure' | 'success',
): Promise<boolean> {
  const result = await db
    .updateTable('loginAttempt')
    .set({ outcome })
    .where('id', '=', id)
    .where('outcome', '=', 'pending')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Forgets an attempt that was neither: the password was right and the TOTP code is still to come. */
export async function deleteLoginAttempt(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('loginAttempt').where('id', '=', id).execute();
}
