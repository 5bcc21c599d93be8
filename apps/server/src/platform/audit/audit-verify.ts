import type { Executor } from '../db/database.ts';
import { auditRowHash, GENESIS_HASH, type AuditResult } from './audit-log.ts';

export interface AuditProblem {
  seq: number;
  problem: 'hash_mismatch' | 'chain_broken' | 'missing_rows';
  message: string;
}

export interface AuditVerification {
  ok: boolean;
  rows: number;
  headSeq: number;
  headHash: string;
  problems: AuditProblem[];
}

/**
 * Walks the whole chain in pages and reports every row whose content no longer matches its hash
 * (altered), whose `prev_hash` does not match the row before it, or a gap in `seq` (deleted).
 * The head hash is printed so an operator can compare it with one written down earlier, which is
 * what catches a truncated tail.
 */
export async function verifyAuditChain(db: Executor, pageSize = 5000): Promise<AuditVerification> {
  const problems: AuditProblem[] = [];
  let prevHash = GENESIS_HASH;
  let prevSeq = 0;
  let rows = 0;
  for (;;) {
    const page = await db
      .selectFrom('auditLog')
      .selectAll()
      .where('seq', '>', prevSeq)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    for (const r of page) {
      rows++;
      if (r.seq !== prevSeq + 1) {
        problems.push({
          seq: r.seq,
          problem: 'missing_rows',
          message: `rows ${prevSeq + 1}..${r.seq - 1} are missing`,
        });
      }
      if (r.prevHash !== prevHash) {
        problems.push({
          seq: r.seq,
          problem: 'chain_broken',
          message: `prev_hash does not match row ${prevSeq}`,
        });
      }
      const expected = auditRowHash(r.prevHash, {
        seq: r.seq,
        at: r.at,
        actorId: r.actorId,
        actorName: r.actorName,
        orgUnitId: r.orgUnitId,
        action: r.action,
        objectType: r.objectType,
        objectId: r.objectId,
        result: r.result as AuditResult,
        ip: r.ip,
        details: r.details,
      });
      if (expected !== r.hash) {
        problems.push({ seq: r.seq, problem: 'hash_mismatch', message: `row ${r.seq} was altered` });
      }
      prevHash = r.hash;
      prevSeq = r.seq;
    }
    if (page.length < pageSize) break;
  }
  return { ok: problems.length === 0, rows, headSeq: prevSeq, headHash: prevHash, problems };
}
