import type { Executor } from '../db/database.ts';
import type { AuditFilter } from './audit.schema.ts';

/** The start of a China (UTC+8) day as an instant. */
const chinaDayStart = (date: string) => new Date(`${date}T00:00:00+08:00`);

/**
 * Audit rows, newest first, matching every filter given: an action prefix (`auth.` …), the actor's
 * name, the result, China dates from/to (inclusive), rows before `seq` (the next page).
 *
 * @example await listAuditEntries(db, { action: 'user.', limit: 100 })
 */
export function listAuditEntries(db: Executor, filter: AuditFilter) {
  let q = db
    .selectFrom('auditLog')
    .select(['seq', 'at', 'actorName', 'action', 'objectType', 'objectId', 'result', 'ip', 'details'])
    .orderBy('seq', 'desc')
    .limit(filter.limit);
  if (filter.action) q = q.where('action', 'like', `${filter.action.replace(/[%_]/g, '')}%`);
  if (filter.actor) q = q.where('actorName', '=', filter.actor);
  if (filter.result) q = q.where('result', '=', filter.result);
  if (filter.from) q = q.where('at', '>=', chinaDayStart(filter.from));
  if (filter.to) q = q.where('at', '<', new Date(chinaDayStart(filter.to).getTime() + 86_400_000));
  if (filter.before) q = q.where('seq', '<', filter.before);
  return q.execute();
}

/** The newest `audit.verify` row: who last checked the log, when, and the outcome. */
export function findLastVerification(db: Executor) {
  return db
    .selectFrom('auditLog')
    .select(['seq', 'at', 'actorName', 'result', 'details'])
    .where('action', '=', 'audit.verify')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
}
