/**
 * A learner's credit-bank account (学分银行账户, 积累) as an append-only ledger (DOMAIN.md, "Credit
 * bank and 1+X"): nothing is ever edited or deleted; every change is a new entry.
 * - `post`: credits posted for a recognised outcome (positive).
 * - `reverse`: the exact negative of one earlier entry; an entry is reversed at most once and a
 *   reversal is never reversed itself. A correction is a reverse and a new post.
 * - `convert`: credits used by an approved conversion (negative), naming the conversion, its rule,
 *   the outcome and the posts it consumed. An outcome is converted at most once; what a conversion
 *   leaves of it stays in the balance but no second conversion may use it.
 * An entry "stands" while it is not reversed; a post is "consumed" while a standing conversion
 * names it, and may not be reversed until that conversion is.
 *
 * Credits are integers in tenths of a credit (0.5 credit = 5, 8 credits = 80), so sums are exact.
 * Entry ids are derived from what they record (`post:<recognitionId>`, `reverse:<entryId>`,
 * `convert:<conversionId>`), so the same step twice yields the same id. Pure: functions return
 * new entries and never touch the ones given.
 */
import type { CreditBankReason, LearningOutcome } from './recognition.rules.ts';

export interface PostEntry {
  id: string;
  kind: 'post';
  outcomeId: string;
  recognitionId: string;
  credits: number;
}
export interface ReverseEntry {
  id: string;
  kind: 'reverse';
  /** The entry this one reverses. */
  reverses: string;
  outcomeId: string;
  credits: number;
}
export interface ConvertEntry {
  id: string;
  kind: 'convert';
  conversionId: string;
  ruleId: string;
  outcomeId: string;
  /** The outcome's standing posts the conversion consumed. */
  consumes: readonly string[];
  credits: number;
}
export type LedgerEntry = PostEntry | ReverseEntry | ConvertEntry;

/** A recognition (认定) as the ledger reads it: the credits the reviewer recognised, in tenths. */
export interface Recognition {
  id: string;
  outcomeId: string;
  credits: number;
}

export type LedgerStep<T> = { ok: true; entry: T } | { ok: false; reason: CreditBankReason };

/** An outcome's credits: posted and still standing, used by a standing conversion, free to convert. */
export interface OutcomeCredits {
  outcomeId: string;
  standing: number;
  converted: number;
  /** The standing credits when no standing conversion has used the outcome, else 0. */
  available: number;
  /** The standing conversion that used it, or null. */
  convertedBy: string | null;
}

/** Tenths as a credit figure for messages: 85 → "8.5". */
export function formatCredits(tenths: number): string {
  return (tenths / 10).toFixed(tenths % 10 === 0 ? 0 : 1);
}

/** Ids of the entries a standing reversal names. */
function reversedIds(entries: readonly LedgerEntry[]): Set<string> {
  return new Set(entries.flatMap((e) => (e.kind === 'reverse' ? [e.reverses] : [])));
}

/** The standing conversions, by the post ids they consumed. */
function consumersOfPosts(entries: readonly LedgerEntry[]): Map<string, ConvertEntry> {
  const reversed = reversedIds(entries);
  const byPost = new Map<string, ConvertEntry>();
  for (const e of entries) {
    if (e.kind === 'convert' && !reversed.has(e.id)) for (const p of e.consumes) byPost.set(p, e);
  }
  return byPost;
}

/**
 * The account's balance: the sum of every entry, in tenths.
 *
 * @example balance([{ kind: 'post', credits: 80, … }, { kind: 'convert', credits: -60, … }]) // 20
 */
export function balance(entries: readonly LedgerEntry[]): number {
  return entries.reduce((sum, e) => sum + e.credits, 0);
}

/**
 * The post of a recognition: its credits to the outcome. Throws on a recognition of another outcome
 * or credits that are not a positive whole number of tenths (a caller's bug, not a user's input).
 *
 * @example postFor(outcome, { id: 'r1', outcomeId: outcome.id, credits: 80 }) // { id: 'post:r1', kind: 'post', credits: 80, … }
 */
export function postFor(outcome: Pick<LearningOutcome, 'id'>, recognition: Recognition): PostEntry {
  if (recognition.outcomeId !== outcome.id) {
    throw new Error(
      `recognition ${recognition.id} is of outcome ${recognition.outcomeId}, not ${outcome.id}`,
    );
  }
  if (!Number.isSafeInteger(recognition.credits) || recognition.credits <= 0) {
    throw new RangeError(`credits must be a positive integer of tenths, got ${recognition.credits}`);
  }
  return {
    id: `post:${recognition.id}`,
    kind: 'post',
    outcomeId: outcome.id,
    recognitionId: recognition.id,
    credits: recognition.credits,
  };
}

/**
 * The entry reversing `entryId`: its exact negative. Refused when the entry is not in the account,
 * is itself a reversal, is already reversed, or is a post a standing conversion consumed (that
 * conversion must be reversed first).
 *
 * @example reverseEntry([post], post.id) // { ok: true, entry: { id: 'reverse:post:r1', kind: 'reverse', credits: -80, … } }
 */
export function reverseEntry(entries: readonly LedgerEntry[], entryId: string): LedgerStep<ReverseEntry> {
  const entry = entries.find((e) => e.id === entryId);
  const refuse = (code: string, zh: string, en: string): LedgerStep<ReverseEntry> => ({
    ok: false,
    reason: { code, field: 'entryId', zh, en },
  });
  if (entry === undefined) {
    return refuse('LEDGER_ENTRY_UNKNOWN', `账户中没有记录 ${entryId}`, `The account has no entry ${entryId}`);
  }
  if (entry.kind === 'reverse') {
    return refuse(
      'LEDGER_REVERSAL_NOT_REVERSIBLE',
      `记录 ${entryId} 本身是冲正记录，不能再冲正；如需更正，请重新认定并积累`,
      `Entry ${entryId} is itself a reversal and cannot be reversed; to correct it, recognise and post again`,
    );
  }
  if (reversedIds(entries).has(entryId)) {
    return refuse(
      'LEDGER_ALREADY_REVERSED',
      `记录 ${entryId} 已冲正，不能重复冲正`,
      `Entry ${entryId} is already reversed`,
    );
  }
  const consumer = entry.kind === 'post' ? consumersOfPosts(entries).get(entryId) : undefined;
  if (consumer !== undefined) {
    return refuse(
      'LEDGER_POST_CONVERTED',
      `记录 ${entryId} 的学分已被转换 ${consumer.conversionId} 使用，请先撤销该转换`,
      `The credits of entry ${entryId} were used by conversion ${consumer.conversionId}: reverse that conversion first`,
    );
  }
  return {
    ok: true,
    entry: {
      id: `reverse:${entry.id}`,
      kind: 'reverse',
      reverses: entry.id,
      outcomeId: entry.outcomeId,
      credits: -entry.credits,
    },
  };
}

/**
 * The reversals that undo a revoked outcome's credits: one for each of its posts still standing
 * (none when nothing stands — a second revocation changes nothing). Refused, naming the
 * conversions, when a standing conversion used its credits: those must be reversed first.
 *
 * @example revokeOutcome([post], post.outcomeId) // { ok: true, entries: [{ kind: 'reverse', reverses: post.id, credits: -post.credits, … }] }
 */
export function revokeOutcome(
  entries: readonly LedgerEntry[],
  outcomeId: string,
): { ok: true; entries: ReverseEntry[] } | { ok: false; reason: CreditBankReason } {
  const reversed = reversedIds(entries);
  const standingPosts = entries.filter(
    (e): e is PostEntry => e.kind === 'post' && e.outcomeId === outcomeId && !reversed.has(e.id),
  );
  const consumers = consumersOfPosts(entries);
  const conversions = [...new Set(standingPosts.flatMap((p) => consumers.get(p.id)?.conversionId ?? []))];
  if (conversions.length > 0) {
    return {
      ok: false,
      reason: {
        code: 'OUTCOME_CREDITS_CONVERTED',
        field: 'outcomeId',
        zh: `该成果的学分已用于学分转换 ${conversions.join('、')}，请先撤销转换再撤销成果`,
        en: `This outcome's credits were used by conversion ${conversions.join(', ')}: reverse the conversion before revoking the outcome`,
      },
    };
  }
  return {
    ok: true,
    entries: standingPosts.map((p) => ({
      id: `reverse:${p.id}`,
      kind: 'reverse',
      reverses: p.id,
      outcomeId,
      credits: -p.credits,
    })),
  };
}

/**
 * Each outcome's credits in the account, in the order the outcomes first appear: posted and
 * standing, used by a standing conversion, and available to a conversion.
 *
 * @example availableCredits([post80]) // [{ outcomeId: 'o1', standing: 80, converted: 0, available: 80, convertedBy: null }]
 */
export function availableCredits(entries: readonly LedgerEntry[]): OutcomeCredits[] {
  const reversed = reversedIds(entries);
  const byOutcome = new Map<string, OutcomeCredits>();
  for (const e of entries) {
    const row = byOutcome.get(e.outcomeId) ?? {
      outcomeId: e.outcomeId,
      standing: 0,
      converted: 0,
      available: 0,
      convertedBy: null,
    };
    byOutcome.set(e.outcomeId, row);
    if (reversed.has(e.id)) continue;
    if (e.kind === 'post') row.standing += e.credits;
    if (e.kind === 'convert') {
      row.converted -= e.credits;
      row.convertedBy = e.conversionId;
    }
  }
  for (const row of byOutcome.values()) row.available = row.convertedBy === null ? row.standing : 0;
  return [...byOutcome.values()];
}

/**
 * The entry of an approved conversion using `credits` of one outcome: it consumes the outcome's
 * standing posts. Refused when the conversion is already in the account, the outcome has no
 * credits available (none standing, or already converted) or fewer than asked.
 *
 * @example convertEntry([post80], { conversionId: 'c1', ruleId: 'rule1', outcomeId: 'o1', credits: 60 })
 *   // { ok: true, entry: { id: 'convert:c1', kind: 'convert', consumes: ['post:r1'], credits: -60, … } }
 */
export function convertEntry(
  entries: readonly LedgerEntry[],
  conversion: { conversionId: string; ruleId: string; outcomeId: string; credits: number },
): LedgerStep<ConvertEntry> {
  const { conversionId, outcomeId, credits } = conversion;
  const refuse = (code: string, field: string, zh: string, en: string): LedgerStep<ConvertEntry> => ({
    ok: false,
    reason: { code, field, zh, en },
  });
  if (!Number.isSafeInteger(credits) || credits <= 0) {
    throw new RangeError(`credits must be a positive integer of tenths, got ${credits}`);
  }
  if (entries.some((e) => e.kind === 'convert' && e.conversionId === conversionId)) {
    return refuse(
      'CONVERSION_ALREADY_POSTED',
      'conversionId',
      `学分转换 ${conversionId} 已记入账户`,
      `Conversion ${conversionId} is already in the account`,
    );
  }
  const row = availableCredits(entries).find((r) => r.outcomeId === outcomeId);
  if (row === undefined || row.available === 0) {
    return refuse(
      'OUTCOME_CREDITS_UNAVAILABLE',
      'outcomeId',
      row?.convertedBy
        ? `该成果的学分已用于学分转换 ${row.convertedBy}，不能重复使用`
        : '该成果没有可用的已认定学分',
      row?.convertedBy
        ? `This outcome's credits were already used by conversion ${row.convertedBy}`
        : 'This outcome has no recognised credits standing',
    );
  }
  if (credits > row.available) {
    return refuse(
      'OUTCOME_CREDITS_INSUFFICIENT',
      'credits',
      `该成果可用 ${formatCredits(row.available)} 学分，少于转换所需的 ${formatCredits(credits)} 学分`,
      `This outcome has ${formatCredits(row.available)} credits available, fewer than the ${formatCredits(credits)} asked`,
    );
  }
  const reversed = reversedIds(entries);
  return {
    ok: true,
    entry: {
      id: `convert:${conversionId}`,
      kind: 'convert',
      conversionId,
      ruleId: conversion.ruleId,
      outcomeId,
      consumes: entries
        .filter((e) => e.kind === 'post' && e.outcomeId === outcomeId && !reversed.has(e.id))
        .map((e) => e.id),
      credits: -credits,
    },
  };
}

/**
 * The entry reversing an approved conversion (撤销转换): the exact negative of its `convert` entry,
 * so the credits the conversion used stand again and its outcome may be converted (or revoked)
 * again. Refused when the conversion has no entry in the account (`CONVERSION_NOT_POSTED`) or its
 * entry is already reversed (`CONVERSION_ALREADY_REVERSED`).
 *
 * @example reverseConversion([post80, convert60], 'c1') // { ok: true, entry: { id: 'reverse:convert:c1', credits: 60, … } }
 */
export function reverseConversion(
  entries: readonly LedgerEntry[],
  conversionId: string,
): LedgerStep<ReverseEntry> {
  const entry = entries.find((e) => e.kind === 'convert' && e.conversionId === conversionId);
  if (entry === undefined) {
    return {
      ok: false,
      reason: {
        code: 'CONVERSION_NOT_POSTED',
        field: 'conversionId',
        zh: `学分转换 ${conversionId} 未记入账户（尚未批准），无需撤销`,
        en: `Conversion ${conversionId} is not in the account (not approved): nothing to reverse`,
      },
    };
  }
  if (reversedIds(entries).has(entry.id)) {
    return {
      ok: false,
      reason: {
        code: 'CONVERSION_ALREADY_REVERSED',
        field: 'conversionId',
        zh: `学分转换 ${conversionId} 已撤销，不能重复撤销`,
        en: `Conversion ${conversionId} is already reversed`,
      },
    };
  }
  return reverseEntry(entries, entry.id);
}
