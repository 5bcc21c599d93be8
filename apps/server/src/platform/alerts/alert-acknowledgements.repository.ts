import type { Insertable } from 'kysely';
import type { Executor } from '../db/database.ts';
import type { AlertAcknowledgementTable } from './alert-acknowledgements.tables.ts';

/** Every acknowledgement of these alerts, at any tier and unit (the caller matches its keys). */
export function listAcknowledgementsOf(db: Executor, alertIds: readonly string[]) {
  const ids = [...new Set(alertIds)];
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('alertAcknowledgement').selectAll().where('alertId', 'in', ids).execute();
}

/**
 * Writes acknowledgements; one already given (same alert, unit and tier: a colleague was quicker)
 * keeps the first. Answers the keys it wrote.
 */
export function insertAcknowledgements(db: Executor, rows: readonly Insertable<AlertAcknowledgementTable>[]) {
  if (rows.length === 0) return Promise.resolve([]);
  return db
    .insertInto('alertAcknowledgement')
    .values([...rows])
    .onConflict((oc) => oc.columns(['alertId', 'unitId', 'tier']).doNothing())
    .returning(['alertId', 'unitId', 'tier'])
    .execute();
}
