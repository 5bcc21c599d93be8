import { OUTCOME_LEVELS } from '@zhijiao/contracts';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../platform/demo/seeded-random.ts';
import { checkConversion, type ConversionLearner, type ConversionRule } from './conversion.rules.ts';
import {
  availableCredits,
  balance,
  convertEntry,
  postFor,
  reverseConversion,
  reverseEntry,
  revokeOutcome,
  type ConvertEntry,
  type LedgerEntry,
} from './credit-ledger.rules.ts';

/**
 * Random sequences of post / reverse / revoke / convert / reversal of a conversion (撤销转换) on one
 * learner's account, every input
 * frozen, checked after each step against a reference written here from the ledger's definition.
 */
type Rand = () => number;
const pick = <T>(rand: Rand, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
const int = (rand: Rand, min: number, max: number) => min + Math.floor(rand() * (max - min + 1));

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function randomWorld(rand: Rand) {
  const outcomes = Array.from({ length: int(rand, 1, 6) }, (_, i) => ({
    id: `o${i}`,
    type: pick(rand, ['one_plus_x_certificate', 'vocational_qualification'] as const),
    level: pick(rand, OUTCOME_LEVELS),
    certificateCode: pick(rand, ['WEB-FE', 'BIG-DATA']),
  }));
  const rules: ConversionRule[] = Array.from({ length: int(rand, 1, 3) }, (_, i) => ({
    id: `rule${i}`,
    schoolId: 's1',
    major: null,
    outcome: {
      type: pick(rand, ['one_plus_x_certificate', 'vocational_qualification'] as const),
      certificateCode: pick(rand, ['WEB-FE', null]),
      minLevel: pick(rand, OUTCOME_LEVELS),
    },
    exempts: [`C${i}`],
    credits: int(rand, 5, 120),
    validFrom: '2026-01-01',
    validTo: null,
  }));
  const learner: ConversionLearner = { schoolId: 's1', major: '计算机应用', outcomes };
  return deepFreeze({ learner, rules });
}

/** Reference: which entries a reversal names, and the standing ones. */
function reference(entries: readonly LedgerEntry[]) {
  const reversed = new Set<string>();
  for (const e of entries) if (e.kind === 'reverse') reversed.add(e.reverses);
  const standing = entries.filter((e) => e.kind !== 'reverse' && !reversed.has(e.id));
  const standingConverts = standing.filter((e): e is ConvertEntry => e.kind === 'convert');
  const consumedPosts = new Set(standingConverts.flatMap((c) => c.consumes));
  let expectedBalance = 0;
  for (const e of standing) expectedBalance += e.kind === 'post' ? e.credits : -Math.abs(e.credits);
  return { reversed, standing, standingConverts, consumedPosts, expectedBalance };
}

/** Every invariant of the account, as problems (empty when it holds). */
function ledgerProblems(entries: readonly LedgerEntry[], rules: readonly ConversionRule[]): string[] {
  const problems: string[] = [];
  const ref = reference(entries);
  if (balance(entries) !== ref.expectedBalance)
    problems.push(`balance ${balance(entries)} ≠ ${ref.expectedBalance}`);
  const seenReversals = new Set<string>();
  entries.forEach((e, i) => {
    if (e.kind !== 'reverse') return;
    const target = entries.slice(0, i).find((t) => t.id === e.reverses);
    if (target === undefined || target.kind === 'reverse')
      problems.push(`${e.id} reverses no reversible entry`);
    else if (e.credits !== -target.credits) problems.push(`${e.id} is not the negative of ${target.id}`);
    if (seenReversals.has(e.reverses)) problems.push(`${e.reverses} reversed twice`);
    seenReversals.add(e.reverses);
  });
  const outcomesUsed = new Set<string>();
  for (const c of ref.standingConverts) {
    if (outcomesUsed.has(c.outcomeId)) problems.push(`outcome ${c.outcomeId} used twice`);
    outcomesUsed.add(c.outcomeId);
    const posts = entries.filter((e) => c.consumes.includes(e.id));
    if (posts.some((p) => p.kind !== 'post' || p.outcomeId !== c.outcomeId || ref.reversed.has(p.id))) {
      problems.push(`${c.id} consumes a post not standing or of another outcome`);
    }
    if (-c.credits > posts.reduce((s, p) => s + p.credits, 0))
      problems.push(`${c.id} takes more than it consumed`);
  }
  for (const rule of rules) {
    const taken = ref.standingConverts.filter((c) => c.ruleId === rule.id).reduce((s, c) => s - c.credits, 0);
    if (taken > rule.credits) problems.push(`${rule.id} granted ${taken} > ${rule.credits}`);
  }
  return problems;
}

/** Runs `step` on a frozen copy of the ledger and checks it came back untouched. */
function untouched<T>(entries: readonly LedgerEntry[], step: (frozen: readonly LedgerEntry[]) => T): T {
  const before = JSON.stringify(entries);
  const result = step(entries);
  if (JSON.stringify(entries) !== before) throw new Error('an entry was changed in place');
  return result;
}

/** The expected refusal code of reversing `id`, from the reference. */
function expectedReversalCode(entries: readonly LedgerEntry[], id: string): string | null {
  const target = entries.find((e) => e.id === id);
  const ref = reference(entries);
  if (target === undefined) return 'LEDGER_ENTRY_UNKNOWN';
  if (target.kind === 'reverse') return 'LEDGER_REVERSAL_NOT_REVERSIBLE';
  if (ref.reversed.has(id)) return 'LEDGER_ALREADY_REVERSED';
  if (ref.consumedPosts.has(id)) return 'LEDGER_POST_CONVERTED';
  return null;
}

/**
 * The outcome and credits a conversion under `rule` should use now (null: it should be refused),
 * from the reference: the qualifying outcome with standing posts that no standing conversion used,
 * lowest level first, then in the learner's order; the rule's credits left, at most the outcome's.
 */
function expectedGrant(entries: readonly LedgerEntry[], rule: ConversionRule, learner: ConversionLearner) {
  const ref = reference(entries);
  let left = rule.credits;
  for (const c of ref.standingConverts) if (c.ruleId === rule.id) left += c.credits;
  const rank = (level: (typeof OUTCOME_LEVELS)[number] | null) =>
    level === null ? -1 : OUTCOME_LEVELS.indexOf(level);
  let best: { outcomeId: string; credits: number; rank: number } | null = null;
  for (const o of learner.outcomes) {
    const qualifies =
      o.type === rule.outcome.type &&
      (rule.outcome.certificateCode === null || o.certificateCode === rule.outcome.certificateCode) &&
      rank(o.level) >= rank(rule.outcome.minLevel);
    if (!qualifies || ref.standingConverts.some((c) => c.outcomeId === o.id)) continue;
    let credits = 0;
    for (const e of ref.standing) if (e.kind === 'post' && e.outcomeId === o.id) credits += e.credits;
    if (credits > 0 && (best === null || rank(o.level) < best.rank))
      best = { outcomeId: o.id, credits, rank: rank(o.level) };
  }
  if (left <= 0 || best === null) return null;
  return { outcomeId: best.outcomeId, credits: Math.min(left, best.credits) };
}

/** The expected refusal code of reversing conversion `conversionId`, from the reference. */
function expectedConversionReversalCode(
  entries: readonly LedgerEntry[],
  conversionId: string,
): string | null {
  const entry = entries.find((e) => e.kind === 'convert' && e.conversionId === conversionId);
  if (entry === undefined) return 'CONVERSION_NOT_POSTED';
  return reference(entries).reversed.has(entry.id) ? 'CONVERSION_ALREADY_REVERSED' : null;
}

/**
 * Reverses a conversion and checks it restored exactly what the conversion consumed: the balance
 * back by its credits, its outcome free again with the credits standing, its posts reversible.
 */
function unconvertProblem(
  ledger: readonly LedgerEntry[],
  conversionId: string,
  after: readonly LedgerEntry[],
) {
  const convert = ledger.find(
    (e): e is ConvertEntry => e.kind === 'convert' && e.conversionId === conversionId,
  )!;
  if (balance(after) !== balance(ledger) - convert.credits)
    return `balance ${balance(after)} ≠ ${balance(ledger)} + ${-convert.credits}`;
  const row = availableCredits(after).find((r) => r.outcomeId === convert.outcomeId)!;
  if (row.convertedBy !== null || row.converted !== 0 || row.available !== row.standing)
    return `outcome ${convert.outcomeId} not restored: ${JSON.stringify(row)}`;
  const stuck = convert.consumes.filter(
    (p) => !reference(after).reversed.has(p) && !reverseEntry(after, p).ok,
  );
  if (stuck.length) return `posts ${stuck.join(', ')} still held by the reversed conversion`;
  return null;
}

/** One random run: the first problem found, or null. */
function run(seed: number, steps: number): string | null {
  const rand = seededRandom(seed);
  const { learner, rules } = randomWorld(rand);
  let ledger: readonly LedgerEntry[] = deepFreeze([]);
  const append = (more: readonly LedgerEntry[]) => (ledger = deepFreeze([...ledger, ...more]));
  for (let step = 0; step < steps; step++) {
    const action = pick(rand, [
      'post',
      'post',
      'reverse',
      'revoke',
      'convert',
      'convert',
      'unconvert',
    ] as const);
    const outcome = pick(rand, learner.outcomes);
    if (action === 'post') {
      append([postFor(outcome, { id: `r${step}`, outcomeId: outcome.id, credits: int(rand, 1, 100) })]);
    } else if (action === 'reverse') {
      const id = rand() < 0.1 ? 'nope' : ledger.length ? pick(rand, ledger).id : 'nope';
      const expected = expectedReversalCode(ledger, id);
      const r = untouched(ledger, (l) => reverseEntry(l, id));
      if ((r.ok ? null : r.reason.code) !== expected)
        return `step ${step}: reversing ${id} gave ${JSON.stringify(r)}`;
      if (r.ok) append([r.entry]);
    } else if (action === 'unconvert') {
      const converted = ledger.flatMap((e) => (e.kind === 'convert' ? [e.conversionId] : []));
      const id = rand() < 0.1 || converted.length === 0 ? `c-none${step}` : pick(rand, converted);
      const expected = expectedConversionReversalCode(ledger, id);
      const r = untouched(ledger, (l) => reverseConversion(l, id));
      if ((r.ok ? null : r.reason.code) !== expected)
        return `step ${step}: reversing conversion ${id} gave ${JSON.stringify(r)}`;
      if (r.ok) {
        const before = ledger;
        append([r.entry]);
        const problem = unconvertProblem(before, id, ledger);
        if (problem) return `step ${step}: reversing conversion ${id}: ${problem}`;
      }
    } else if (action === 'revoke') {
      const ref = reference(ledger);
      const usedByConversion = ref.standingConverts.some((c) => c.outcomeId === outcome.id);
      const r = untouched(ledger, (l) => revokeOutcome(l, outcome.id));
      if (r.ok === usedByConversion) return `step ${step}: revoking ${outcome.id} gave ${JSON.stringify(r)}`;
      if (r.ok) {
        const without = balance(ledger.filter((e) => e.outcomeId !== outcome.id));
        append(r.entries);
        if (balance(ledger) !== without)
          return `step ${step}: after revoking ${outcome.id} balance ${balance(ledger)} ≠ ${without}`;
        const again = revokeOutcome(ledger, outcome.id);
        if (!again.ok || again.entries.length > 0)
          return `step ${step}: a second revocation of ${outcome.id} changed something`;
      }
    } else {
      const rule = pick(rand, rules);
      const c = untouched(ledger, (l) => checkConversion(rule, learner, l, () => false, '2026-09-01'));
      const expected = expectedGrant(ledger, rule, learner);
      const got = c.ok ? { outcomeId: c.explanation.outcomeId, credits: c.explanation.credits } : null;
      if (JSON.stringify(got) !== JSON.stringify(expected)) {
        return `step ${step}: ${rule.id} gave ${JSON.stringify(got)}, expected ${JSON.stringify(expected)}`;
      }
      if (c.ok) {
        const entry = convertEntry(ledger, { conversionId: `c${step}`, ...c.explanation });
        if (!entry.ok) return `step ${step}: the ledger refused an allowed conversion: ${entry.reason.code}`;
        append([entry.entry]);
      }
    }
    const problems = ledgerProblems(ledger, rules);
    if (problems.length) return `step ${step} (${action}): ${problems.join('; ')}`;
  }
  return null;
}

describe('credit-bank ledger properties on random sequences of post / reverse / revoke / convert / unconvert', () => {
  it('keeps every invariant on 1,000 seeded runs of 60 steps: balance = the standing entries, reversals exact and once (a conversion’s reversal restoring exactly what it consumed), conversions within their rule and one per outcome, inputs never changed', () => {
    const failures: string[] = [];
    for (let seed = 1; seed <= 1000 && failures.length === 0; seed++) {
      const problem = run(seed, 60);
      if (problem !== null) failures.push(`seed ${seed}: ${problem}`);
    }
    expect(failures).toEqual([]);
  });

  it('frozen inputs are really guarded: a step that mutated its ledger would throw', () => {
    const ledger = deepFreeze([postFor({ id: 'o1' }, { id: 'r1', outcomeId: 'o1', credits: 10 })]);
    expect(() => untouched(ledger, (l) => ((l[0] as { credits: number }).credits = 99))).toThrow(TypeError);
  });

  it('the reference finds a broken ledger: a conversion over its rule, a double reversal, a wrong negative', () => {
    const rule = { id: 'rule0', credits: 50 } as ConversionRule;
    const post = postFor({ id: 'o1' }, { id: 'r1', outcomeId: 'o1', credits: 80 });
    const over: LedgerEntry = {
      id: 'convert:c1',
      kind: 'convert',
      conversionId: 'c1',
      ruleId: 'rule0',
      outcomeId: 'o1',
      consumes: [post.id],
      credits: -60,
    };
    expect(ledgerProblems([post, over], [rule])).toEqual(['rule0 granted 60 > 50']);
    const half: LedgerEntry = { id: 'x', kind: 'reverse', reverses: post.id, outcomeId: 'o1', credits: -40 };
    expect(ledgerProblems([post, half, { ...half, id: 'y', credits: -80 }], [])).toEqual([
      'balance -40 ≠ 0',
      'x is not the negative of post:r1',
      'post:r1 reversed twice',
    ]);
  });
});
