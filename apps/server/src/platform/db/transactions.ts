import type { Kysely, Transaction } from 'kysely';
import type { DomainEvents } from '../events/domain-events.ts';
import type { Database } from './database.types.ts';

/** What a transaction writes, for whoever listens after the commit. */
export interface TransactOptions {
  /**
   * False for a transaction that writes only bookkeeping no derived number reads — a rate-limit
   * counter, the audit row of a view or an export — so no `records.changed` is published (a
   * results-day look-up must not empty the plan's caches). Default true.
   */
  records?: boolean;
}

/** Runs `work` in one transaction of the module's database and returns its result. */
export type Transact = <T>(
  work: (trx: Transaction<Database>) => Promise<T>,
  options?: TransactOptions,
) => Promise<T>;

/**
 * The transaction function a module writes with: after each commit it publishes
 * `records.changed` for the module, so anything derived from the module's records (the plan's
 * cached indicators, a dashboard) is dropped without the module having to remember it.
 *
 * @example
 * const transaction = moduleTransactions(db, events, 'teachers');
 * await transaction((trx) => repo.insertTeacher(trx, row)); // then: { type: 'records.changed', module: 'teachers' }
 */
export function moduleTransactions(db: Kysely<Database>, events: DomainEvents, module: string): Transact {
  return async (work, options = {}) => {
    const result = await db.transaction().execute(work);
    if (options.records !== false) events.publish({ type: 'records.changed', module });
    return result;
  };
}
