import type { Executor } from '../../platform/db/database.ts';
import type { LedgerEntry } from './credit-ledger.rules.ts';

/*
 * A learner's credit account (学分银行账户): its entries, append-only. Rows are written only by
 * `appendEntries`; the table's trigger refuses any UPDATE, DELETE or TRUNCATE.
 */

/** An account entry as stored: the rule's entry, with when, by whom and why. */
export type StoredEntry = LedgerEntry & {
  seq: number;
  reason: string;
  postedBy: string | null;
  postedAt: Date;
};

/** A learner's account entries in the order they were posted, as credit-ledger.rules.ts reads them. */
export async function listEntries(db: Executor, learnerId: string): Promise<StoredEntry[]> {
  const rows = await db
    .selectFrom('creditLedgerEntry')
    .selectAll()
    .where('learnerId', '=', learnerId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => {
    const common = {
      id: r.id,
      outcomeId: r.outcomeId,
      credits: r.credits,
      seq: Number(r.seq),
      reason: r.reason,
      postedBy: r.postedBy,
      postedAt: r.postedAt,
    };
    if (r.kind === 'post') return { ...common, kind: 'post', recognitionId: r.recognitionId! };
    if (r.kind === 'reverse') return { ...common, kind: 'reverse', reverses: r.reverses! };
    return {
      ...common,
      kind: 'convert',
      conversionId: r.conversionId!,
      ruleId: r.ruleId!,
      consumes: r.consumes,
    };
  });
}

/** Appends entries the rules made to a learner's account, in the order given. */
export async function appendEntries(
  db: Executor,
  learnerId: string,
  entries: readonly LedgerEntry[],
  by: { postedBy: string; postedAt: Date; reason: string },
): Promise<void> {
  if (entries.length === 0) return;
  await db
    .insertInto('creditLedgerEntry')
    .values(
      entries.map((e) => ({
        learnerId,
        id: e.id,
        kind: e.kind,
        outcomeId: e.outcomeId,
        credits: e.credits,
        recognitionId: e.kind === 'post' ? e.recognitionId : null,
        reverses: e.kind === 'reverse' ? e.reverses : null,
        conversionId: e.kind === 'convert' ? e.conversionId : null,
        ruleId: e.kind === 'convert' ? e.ruleId : null,
        ...(e.kind === 'convert' ? { consumes: [...e.consumes] } : {}),
        reason: by.reason,
        postedBy: by.postedBy,
        postedAt: by.postedAt,
      })),
    )
    .execute();
}
