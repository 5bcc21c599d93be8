import { sql } from 'kysely';
import type { Executor } from './database.ts';

/**
 * Serialises the rest of the transaction with every other one holding the same key, across
 * server processes: a transaction-scoped advisory lock, released at commit or rollback. The key is
 * hashed by PostgreSQL's `hashtext`, as every such lock has been since the first; keep it so, or
 * an old and a new process side by side during an upgrade would no longer exclude each other.
 * Prefix the key with what it guards (`sign-in|…`, `vet-programme-link|…`). Outside a
 * transaction the lock ends with its own statement and guards nothing: pass the transaction.
 *
 * @example await lockForTransaction(trx, `enrollment-lookup|${client}`)
 */
export async function lockForTransaction(trx: Executor, key: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
}
