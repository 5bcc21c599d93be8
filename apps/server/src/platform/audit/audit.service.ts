/**
 * The audit log for the audit administrator: read it with filters and verify its hash chain,
 * never change it (a verification is itself audited).
 */
import type { Kysely } from 'kysely';
import { auditActorOf, type Actor } from '../auth/actor.ts';
import type { Database } from '../db/database.types.ts';
import type { AuditLog } from './audit-log.ts';
import { verifyAuditChain, type AuditVerification } from './audit-verify.ts';
import * as repo from './audit.repository.ts';
import type { AuditFilter } from './audit.schema.ts';

export interface AuditServiceDeps {
  db: Kysely<Database>;
  audit: AuditLog;
}

/** Audit rows, newest first, filtered (see `listAuditEntries`). */
export async function listEntries(deps: AuditServiceDeps, filter: AuditFilter) {
  return repo.listAuditEntries(deps.db, filter);
}

/** Walks the whole chain and records that it was checked, with the outcome. */
export async function verify(deps: AuditServiceDeps, actor: Actor | null): Promise<AuditVerification> {
  const result = await verifyAuditChain(deps.db);
  // The platform's own transaction: a check changes no records, so nobody is told.
  await deps.db.transaction().execute((trx) =>
    deps.audit.record(trx, auditActorOf(actor), {
      action: 'audit.verify',
      result: result.ok ? 'success' : 'failure',
      details: { rows: result.rows, problems: result.problems.length },
    }),
  );
  return result;
}
