import { describe, expect, it } from 'vitest';
import { formatMatchingOutput, matchSeason, validateMatchingInput } from './index.ts';
import type { MatchingInput } from './matching.types.ts';
import { invariantViolations } from './test-support/matching-invariants.ts';
import { createRandom } from './test-support/random.ts';
import { randomSeason } from './test-support/random-season.ts';
import { rareSeason, type RarePath } from './test-support/rare-paths.ts';
import {
  asReference,
  referenceDeferredAcceptance,
  referenceSerialDictatorship,
  type ReferenceAssignment,
} from './test-support/reference-matching.ts';

/** Seeds 1…N: a failure names its seed, and `randomSeason(seed, shape)` replays it. */
const seeds = (count: number, offset = 0) => Array.from({ length: count }, (_, i) => offset + i + 1);

function validated(input: MatchingInput): MatchingInput {
  const v = validateMatchingInput(input);
  if (!v.ok) throw new Error(`random season is invalid: ${JSON.stringify(v.issues)}`);
  return v.input;
}

/** Same candidate → seat assignment, whatever order the maps were filled in. */
function sameAssignments(a: ReferenceAssignment, b: ReferenceAssignment): boolean {
  const sorted = (m: ReferenceAssignment) => JSON.stringify([...m].sort(([x], [y]) => (x < y ? -1 : 1)));
  return sorted(a) === sorted(b);
}

/** First seed whose check returns something, with what it returned; null when all pass. */
function firstFailure<T>(
  list: number[],
  check: (seed: number) => T | null,
): { seed: number; found: T } | null {
  for (const seed of list) {
    const found = check(seed);
    if (found !== null) return { seed, found };
  }
  return null;
}

describe('matching engine properties on random seasons', () => {
  it('keeps every invariant — capacity, each candidate once, no waste, no justified envy — on 3,000 seasons with rankBy and reserved seats', () => {
    const failure = firstFailure(seeds(3000), (seed) => {
      const input = validated(randomSeason(seed, { rankByAndReserved: true }));
      const problems = invariantViolations(input, matchSeason(input));
      return problems.length ? problems : null;
    });
    expect(failure).toBeNull();
  });

  it('equals textbook round-based deferred acceptance on 3,000 seasons with rankBy and reserved seats', () => {
    const failure = firstFailure(seeds(3000, 10_000), (seed) => {
      const input = validated(randomSeason(seed, { rankByAndReserved: true }));
      const engine = asReference(matchSeason(input));
      const reference = referenceDeferredAcceptance(input);
      return sameAssignments(engine, reference) ? null : { engine, reference };
    });
    expect(failure).toBeNull();
  });

  it('equals plain serial dictatorship (平行志愿) on 3,000 seasons without rankBy or reserved seats', () => {
    const failure = firstFailure(seeds(3000, 20_000), (seed) => {
      const input = validated(randomSeason(seed, { rankByAndReserved: false }));
      const engine = asReference(matchSeason(input));
      const reference = referenceSerialDictatorship(input);
      return sameAssignments(engine, reference) ? null : { engine, reference };
    });
    expect(failure).toBeNull();
  });

  // The references are slow on 300-long lists: fewer seasons there.
  it.each<[RarePath, number]>([
    ['sparseIds', 500],
    ['longIds', 500],
    ['hugeOwnScores', 500],
    ['longLists', 40],
  ])(
    'equals textbook deferred acceptance and keeps every invariant taking the rare path %s (%i seasons)',
    (path, count) => {
      const failure = firstFailure(seeds(count, 40_000), (seed) => {
        const input = validated(rareSeason(randomSeason(seed, { rankByAndReserved: true }), path, seed));
        const output = matchSeason(input);
        const problems = invariantViolations(input, output);
        const engine = asReference(output);
        const reference = referenceDeferredAcceptance(input);
        return problems.length === 0 && sameAssignments(engine, reference)
          ? null
          : { problems, engine, reference };
      });
      expect(failure).toBeNull();
    },
  );

  it('gives byte-identical output for the same input, a copy of it, and its candidates in another order', () => {
    const failure = firstFailure(seeds(1000, 30_000), (seed) => {
      const input = validated(randomSeason(seed, { rankByAndReserved: true }));
      const text = formatMatchingOutput(matchSeason(input));
      const copy = JSON.parse(JSON.stringify(input)) as MatchingInput;
      const rnd = createRandom(seed);
      const shuffled = { ...copy, candidates: rnd.sample(copy.candidates, copy.candidates.length) };
      const again = [input, copy, shuffled].map((i) => formatMatchingOutput(matchSeason(i)));
      return again.every((t) => t === text) ? null : again;
    });
    expect(failure).toBeNull();
  });

  it('writes output that parses back to what the engine returned', () => {
    const input = validated(randomSeason(42, { rankByAndReserved: true }));
    const output = matchSeason(input);
    expect(JSON.parse(formatMatchingOutput(output))).toEqual(output);
  });
});
