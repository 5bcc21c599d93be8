/**
 * The audit log for the audit administrator: read it with filters and verify its hash chain
 * against the signed checkpoints, never change it (a verification is itself audited).
 */
import type { Kysely } from 'kysely';
import { auditActorOf, type Actor } from '../auth/actor.ts';
import type { Clock } from '../clock/clock.ts';
import type { Database } from '../db/database.types.ts';
import type { CheckpointStore } from './audit-checkpoint.ts';
import type { AuditLog } from './audit-log.ts';
import { verifyAuditLog, type AuditVerification } from './audit-verify.ts';
import * as repo from './audit.repository.ts';
import type { AuditFilter } from './audit.schema.ts';

export interface AuditServiceDeps {
  db: Kysely<Database>;
  audit: AuditLog;
  checkpoints: CheckpointStore;
  clock: Clock;
}

/** Audit rows, newest first, filtered (see `listAuditEntries`). */
export async function listEntries(deps: AuditServiceDeps, filter: AuditFilter) {
  return repo.listAuditEntries(deps.db, filter);
}

/**
 * Walks the whole chain, checks it against the signed checkpoints, and records that it was
 * checked, with the outcome.
 */
export async function verify(deps: AuditServiceDeps, actor: Actor | null): Promise<AuditVerification> {
  const result = await verifyAuditLog(deps.db, deps.checkpoints, deps.clock.now());
  await recordVerification(deps, actor, result);
  return result;
}

/** The audit row of a verification (the web page's and the command line's), read back by `listCheckpoints`. */
export async function recordVerification(
  deps: AuditServiceDeps,
  actor: Actor | null,
  result: AuditVerification,
): Promise<void> {
  // The platform's own transaction: a check changes no records, so nobody is told.
  await deps.db.transaction().execute((trx) =>
    deps.audit.record(trx, auditActorOf(actor), {
      action: 'audit.verify',
      result: result.ok ? 'success' : 'failure',
      details: {
        rows: result.rows,
        headSeq: result.headSeq,
        problems: result.problems.length,
        checkpoints: result.checkpoints.valid,
        lastCheckpointSeq: result.checkpoints.lastSeq,
      },
    }),
  );
}

/**
 * The signed checkpoints, newest first (at most `limit`), with the counts of the file and the
 * last recorded verification, for the audit administrator's page.
 */
export async function listCheckpoints(deps: AuditServiceDeps, limit = 20) {
  const lines = await deps.checkpoints.read();
  const items = lines
    .slice(-limit)
    .reverse()
    .map((l) => ({
      line: l.line,
      seq: l.checkpoint?.seq ?? null,
      hash: l.checkpoint?.hash ?? null,
      at: l.checkpoint?.at ?? null,
      valid: l.valid,
    }));
  const last = await repo.findLastVerification(deps.db);
  return {
    file: deps.checkpoints.file,
    total: lines.length,
    valid: lines.filter((l) => l.valid).length,
    items,
    lastVerification: last
      ? { at: last.at, actorName: last.actorName, result: last.result, details: last.details }
      : null,
  };
}
