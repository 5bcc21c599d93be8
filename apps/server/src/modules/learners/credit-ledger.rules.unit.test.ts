import { describe, expect, it } from 'vitest';
import {
  availableCredits,
  balance,
  convertEntry,
  formatCredits,
  postFor,
  reverseEntry,
  revokeOutcome,
  type LedgerEntry,
} from './credit-ledger.rules.ts';

const post1 = postFor({ id: 'o1' }, { id: 'r1', outcomeId: 'o1', credits: 80 });
const post2 = postFor({ id: 'o2' }, { id: 'r2', outcomeId: 'o2', credits: 25 });

function ok<T>(step: { ok: true; entry: T } | { ok: false }): T {
  if (!step.ok) throw new Error(`refused: ${JSON.stringify(step)}`);
  return step.entry;
}
const conversion = { conversionId: 'c1', ruleId: 'rule1', outcomeId: 'o1', credits: 60 };

describe('the credit ledger', () => {
  it('posts a recognition’s credits to its outcome, in tenths', () => {
    expect(post1).toEqual({ id: 'post:r1', kind: 'post', outcomeId: 'o1', recognitionId: 'r1', credits: 80 });
    expect(balance([post1, post2])).toBe(105);
    expect(formatCredits(105)).toBe('10.5');
    expect(formatCredits(80)).toBe('8');
  });

  it('refuses to post a recognition of another outcome or credits that are not whole positive tenths', () => {
    expect(() => postFor({ id: 'o2' }, { id: 'r1', outcomeId: 'o1', credits: 80 })).toThrow(/not o2/);
    for (const credits of [0, -5, 2.5]) {
      expect(() => postFor({ id: 'o1' }, { id: 'r1', outcomeId: 'o1', credits })).toThrow(RangeError);
    }
  });

  it('reverses an entry by its exact negative; a correction is a reverse and a new post', () => {
    const reversal = ok(reverseEntry([post1], post1.id));
    expect(reversal).toEqual({
      id: 'reverse:post:r1',
      kind: 'reverse',
      reverses: 'post:r1',
      outcomeId: 'o1',
      credits: -80,
    });
    const corrected = postFor({ id: 'o1' }, { id: 'r1b', outcomeId: 'o1', credits: 70 });
    expect(balance([post1, reversal, corrected])).toBe(70);
  });

  it('refuses to reverse an entry not in the account (LEDGER_ENTRY_UNKNOWN)', () => {
    expect(reverseEntry([post1], 'post:nope')).toMatchObject({
      ok: false,
      reason: { code: 'LEDGER_ENTRY_UNKNOWN' },
    });
  });

  it('refuses to reverse a reversal (LEDGER_REVERSAL_NOT_REVERSIBLE)', () => {
    const reversal = ok(reverseEntry([post1], post1.id));
    expect(reverseEntry([post1, reversal], reversal.id)).toMatchObject({
      ok: false,
      reason: { code: 'LEDGER_REVERSAL_NOT_REVERSIBLE', field: 'entryId' },
    });
  });

  it('refuses to reverse an entry twice (LEDGER_ALREADY_REVERSED)', () => {
    const reversal = ok(reverseEntry([post1], post1.id));
    expect(reverseEntry([post1, reversal], post1.id)).toMatchObject({
      ok: false,
      reason: { code: 'LEDGER_ALREADY_REVERSED' },
    });
  });

  it('refuses to reverse a post a standing conversion consumed (LEDGER_POST_CONVERTED), naming the conversion', () => {
    const convert = ok(convertEntry([post1], conversion));
    const refused = reverseEntry([post1, convert], post1.id);
    expect(refused).toMatchObject({ ok: false, reason: { code: 'LEDGER_POST_CONVERTED' } });
    expect(!refused.ok && refused.reason.zh).toContain('c1');
    const undo = ok(reverseEntry([post1, convert], convert.id));
    expect(undo.credits).toBe(60);
    expect(reverseEntry([post1, convert, undo], post1.id).ok).toBe(true);
  });

  it('revokes an outcome by reversing exactly its standing posts', () => {
    const corrected = postFor({ id: 'o1' }, { id: 'r1b', outcomeId: 'o1', credits: 70 });
    const ledger: LedgerEntry[] = [post1, post2, ok(reverseEntry([post1], post1.id)), corrected];
    const revoked = revokeOutcome(ledger, 'o1');
    expect(revoked).toEqual({
      ok: true,
      entries: [
        { id: 'reverse:post:r1b', kind: 'reverse', reverses: 'post:r1b', outcomeId: 'o1', credits: -70 },
      ],
    });
    const after = [...ledger, ...(revoked.ok ? revoked.entries : [])];
    expect(balance(after)).toBe(25);
    expect(revokeOutcome(after, 'o1')).toEqual({ ok: true, entries: [] });
  });

  it('refuses to revoke an outcome a standing conversion used (OUTCOME_CREDITS_CONVERTED), saying to reverse it first', () => {
    const convert = ok(convertEntry([post1], conversion));
    const refused = revokeOutcome([post1, convert], 'o1');
    expect(refused).toMatchObject({
      ok: false,
      reason: { code: 'OUTCOME_CREDITS_CONVERTED', field: 'outcomeId' },
    });
    expect(!refused.ok && refused.reason.en).toMatch(/conversion c1: reverse the conversion/);
    const undo = ok(reverseEntry([post1, convert], convert.id));
    expect(revokeOutcome([post1, convert, undo], 'o1')).toMatchObject({
      ok: true,
      entries: [{ credits: -80 }],
    });
  });

  it('shows each outcome’s standing, converted and available credits', () => {
    const convert = ok(convertEntry([post1, post2], conversion));
    expect(availableCredits([post1, post2, convert])).toEqual([
      { outcomeId: 'o1', standing: 80, converted: 60, available: 0, convertedBy: 'c1' },
      { outcomeId: 'o2', standing: 25, converted: 0, available: 25, convertedBy: null },
    ]);
    expect(balance([post1, post2, convert])).toBe(45);
  });

  it('converts by consuming the outcome’s standing posts', () => {
    const reversal = ok(reverseEntry([post1], post1.id));
    const again = postFor({ id: 'o1' }, { id: 'r1b', outcomeId: 'o1', credits: 70 });
    expect(ok(convertEntry([post1, reversal, again], conversion))).toEqual({
      id: 'convert:c1',
      kind: 'convert',
      conversionId: 'c1',
      ruleId: 'rule1',
      outcomeId: 'o1',
      consumes: ['post:r1b'],
      credits: -60,
    });
  });

  it('refuses a conversion already in the account (CONVERSION_ALREADY_POSTED)', () => {
    const convert = ok(convertEntry([post1], conversion));
    expect(convertEntry([post1, convert], { ...conversion, outcomeId: 'o2' })).toMatchObject({
      ok: false,
      reason: { code: 'CONVERSION_ALREADY_POSTED' },
    });
  });

  it('refuses to use an outcome’s credits twice or an outcome without credits (OUTCOME_CREDITS_UNAVAILABLE)', () => {
    const convert = ok(convertEntry([post1], conversion));
    const twice = convertEntry([post1, convert], { ...conversion, conversionId: 'c2', credits: 10 });
    expect(twice).toMatchObject({ ok: false, reason: { code: 'OUTCOME_CREDITS_UNAVAILABLE' } });
    expect(!twice.ok && twice.reason.zh).toContain('c1');
    expect(convertEntry([post1], { ...conversion, outcomeId: 'o9' })).toMatchObject({
      ok: false,
      reason: { code: 'OUTCOME_CREDITS_UNAVAILABLE' },
    });
  });

  it('refuses to convert more than the outcome’s available credits (OUTCOME_CREDITS_INSUFFICIENT)', () => {
    expect(convertEntry([post1], { ...conversion, credits: 81 })).toMatchObject({
      ok: false,
      reason: { code: 'OUTCOME_CREDITS_INSUFFICIENT', field: 'credits' },
    });
    expect(convertEntry([post1], { ...conversion, credits: 80 }).ok).toBe(true);
  });
});
