import type { Executor } from '../db/database.ts';
import { CHECKPOINT_EVERY_MS, type CheckpointLine, type CheckpointStore } from './audit-checkpoint.ts';
import { auditRowContentOf, auditRowHash, GENESIS_HASH } from './audit-log.ts';

export interface AuditProblem {
  seq: number;
  problem:
    | 'hash_mismatch'
    | 'chain_broken'
    | 'missing_rows'
    | 'checkpoint_invalid'
    | 'checkpoint_row_missing'
    | 'checkpoint_mismatch'
    | 'checkpoint_chain_broken'
    | 'checkpoints_missing';
  message: string;
}

export interface ChainVerification {
  ok: boolean;
  rows: number;
  headSeq: number;
  headHash: string;
  problems: AuditProblem[];
}

/** What the checkpoint file holds: its lines, the validly signed ones, the newest signed head. */
export interface CheckpointSummary {
  file: string;
  total: number;
  valid: number;
  lastSeq: number | null;
  lastAt: string | null;
}

/** The chain check and the check against the signed checkpoints, together. */
export interface AuditVerification extends ChainVerification {
  checkpoints: CheckpointSummary;
}

/**
 * Walks the whole chain in pages and reports every row whose content no longer matches its hash
 * (altered), whose `prev_hash` does not match the row before it, or a gap in `seq` (deleted).
 * A chain rewritten as a whole passes this check: `verifyAuditLog` adds the signed checkpoints.
 */
export async function verifyAuditChain(db: Executor, pageSize = 5000): Promise<ChainVerification> {
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
      const expected = auditRowHash(r.prevHash, auditRowContentOf(r));
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

/**
 * Checks the chain against the signed checkpoints: every line must carry a valid signature, and
 * the row at each checkpoint's seq must still hold the checkpoint's hash. A renumbered or
 * re-chained log, or one cut back before a checkpoint, fails here even when its own chain is
 * consistent. Each writer's signed lines must form an unbroken chain in file order (each names the
 * signature of the writer's line before it, the first names none): a line dropped, duplicated or
 * moved, or a writer's first lines cut off, is reported. Lines of different writers (several
 * processes) may interleave in any order, and may checkpoint the same head.
 */
export async function verifyCheckpoints(db: Executor, lines: CheckpointLine[]): Promise<AuditProblem[]> {
  const problems: AuditProblem[] = [];
  const signed = new Map<string, { seq: number; hash: string; at: string }>();
  const chains = new Map<string, { sig: string; line: number }>();
  for (const { line, checkpoint, valid } of lines) {
    if (checkpoint && valid) {
      signed.set(`${checkpoint.seq}:${checkpoint.hash}`, checkpoint);
      const before = chains.get(checkpoint.writer);
      if (checkpoint.prev !== (before?.sig ?? null))
        problems.push({
          seq: checkpoint.seq,
          problem: 'checkpoint_chain_broken',
          message: before
            ? `检查点文件第 ${line} 行与同一进程的上一行（第 ${before.line} 行）接不上：其间的检查点被删除、重复或移动 / checkpoint file line ${line} does not follow its writer's previous line (line ${before.line}): checkpoints between them were removed, duplicated or moved`
            : `检查点文件第 ${line} 行之前同一进程的检查点已不在文件中（文件被截断或换成旧副本） / the checkpoints written before line ${line} by the same writer are gone from the file (it was cut or replaced by an older copy)`,
        });
      chains.set(checkpoint.writer, { sig: checkpoint.sig, line });
    } else
      problems.push({
        seq: checkpoint?.seq ?? 0,
        problem: 'checkpoint_invalid',
        message: `检查点文件第 ${line} 行签名无效或格式错误（伪造或损坏） / checkpoint file line ${line} has a bad signature or format (forged or damaged)`,
      });
  }
  const checkpoints = [...signed.values()].sort((a, b) => a.seq - b.seq);
  for (let i = 0; i < checkpoints.length; i += 1000) {
    const batch = checkpoints.slice(i, i + 1000);
    const rows = await db
      .selectFrom('auditLog')
      .select(['seq', 'hash'])
      .where(
        'seq',
        'in',
        batch.map((c) => c.seq),
      )
      .execute();
    const hashes = new Map(rows.map((r) => [r.seq, r.hash]));
    for (const c of batch) {
      const hash = hashes.get(c.seq);
      if (hash === undefined)
        problems.push({
          seq: c.seq,
          problem: 'checkpoint_row_missing',
          message: `${c.at} 的签名检查点记录的第 ${c.seq} 条已不存在（日志被截断或重新编号） / row ${c.seq}, named by the signed checkpoint of ${c.at}, is gone (the log was truncated or renumbered)`,
        });
      else if (hash !== c.hash)
        problems.push({
          seq: c.seq,
          problem: 'checkpoint_mismatch',
          message: `第 ${c.seq} 条的哈希与 ${c.at} 的签名检查点不符（此前的日志被改写或重新链接） / row ${c.seq} does not match the signed checkpoint of ${c.at} (the log up to it was rewritten or re-chained)`,
        });
    }
  }
  return problems;
}

/**
 * With no signed checkpoint at all (the file is absent, empty or all damaged), the newest audit
 * row a running server would have checkpointed by `now` — one written more than one checkpoint
 * interval (5 minutes) ago — is reported: the file was deleted or emptied, or `audit verify` was
 * given another data directory than the server's. Rows written since, and a log only the command
 * line has written to within that time (before the server's first start), are not.
 */
export async function verifyCheckpointsPresent(
  db: Executor,
  store: CheckpointStore,
  lines: CheckpointLine[],
  now: Date,
): Promise<AuditProblem[]> {
  if (lines.some((l) => l.valid)) return [];
  const due = await db
    .selectFrom('auditLog')
    .select('seq')
    .where('at', '<=', new Date(now.getTime() - CHECKPOINT_EVERY_MS))
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!due) return [];
  return [
    {
      seq: due.seq,
      problem: 'checkpoints_missing',
      message: `检查点文件 ${store.file} 不存在或没有有效检查点，但审计日志第 ${due.seq} 条已写入超过 5 分钟：检查点文件被删除或清空，或所用数据目录（ZHIJIAO_DATA_DIR）不是服务器的 / the checkpoint file ${store.file} is missing or holds no valid checkpoint, yet audit row ${due.seq} was written more than 5 minutes ago: the file was deleted or emptied, or this is not the server's data directory (ZHIJIAO_DATA_DIR)`,
    },
  ];
}

/**
 * The full check of `audit verify`: the hash chain, then the chain against the checkpoint file,
 * the file's own chains, and, at `now` (the server's clock), whether checkpoints are missing.
 *
 * @example const result = await verifyAuditLog(db, createCheckpointStore({ file, crypto }), clock.now());
 */
export async function verifyAuditLog(
  db: Executor,
  store: CheckpointStore,
  now: Date,
): Promise<AuditVerification> {
  const chain = await verifyAuditChain(db);
  const lines = await store.read();
  const checkpointProblems = [
    ...(await verifyCheckpoints(db, lines)),
    ...(await verifyCheckpointsPresent(db, store, lines, now)),
  ];
  const signed = lines.flatMap((l) => (l.valid && l.checkpoint ? [l.checkpoint] : []));
  const last = signed.reduce<(typeof signed)[number] | null>(
    (newest, c) => (!newest || c.seq > newest.seq ? c : newest),
    null,
  );
  const problems = [...chain.problems, ...checkpointProblems];
  return {
    ...chain,
    ok: problems.length === 0,
    problems,
    checkpoints: {
      file: store.file,
      total: lines.length,
      valid: signed.length,
      lastSeq: last?.seq ?? null,
      lastAt: last?.at ?? null,
    },
  };
}
