import type { Executor } from '../../platform/db/database.ts';

/** The public result look-up's counters: attempts per client, failures per exam number. */

/** Forgets attempts older than `before`, then counts the client's attempts since `since`. */
export async function countRecentAttempts(db: Executor, client: string, since: Date) {
  const row = await db
    .selectFrom('enrollmentLookupAttempt')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('ip', '=', client)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertAttempt(db: Executor, client: string, at: Date): Promise<void> {
  await db.insertInto('enrollmentLookupAttempt').values({ ip: client, at }).execute();
}

/** Counts the exam number's failures since `since`. */
export async function countRecentFailures(db: Executor, examKey: string, since: Date) {
  const row = await db
    .selectFrom('enrollmentLookupFailure')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('examKey', '=', examKey)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertFailure(db: Executor, examKey: string, at: Date): Promise<void> {
  await db.insertInto('enrollmentLookupFailure').values({ examKey, at }).execute();
}

/** Forgets look-up attempts and failures older than `before` (both tables have an index on `at`). */
export async function pruneLookups(db: Executor, before: Date): Promise<void> {
  await db.deleteFrom('enrollmentLookupAttempt').where('at', '<', before).execute();
  await db.deleteFrom('enrollmentLookupFailure').where('at', '<', before).execute();
}
