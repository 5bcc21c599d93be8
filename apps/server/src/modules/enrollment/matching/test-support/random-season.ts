import type { CandidateInput, MatchingInput, ProgramInput } from '../matching.types.ts';
import { createRandom } from './random.ts';

/** What kinds of programs a random season may contain. */
export interface SeasonShape {
  /** Programs with their own ranking (`rankBy`) and reserved seats (指标到校). */
  rankByAndReserved: boolean;
}

/**
 * A small random season for property tests: few distinct scores (so ties are common and the
 * tie-break and id order matter), capacities 0–5, minimum scores, `requires`, and — when the
 * shape allows — `rankBy` programs (some applicants absent, tied own scores) and reserved groups.
 * Always valid input.
 */
export function randomSeason(seed: number, shape: SeasonShape): MatchingInput {
  const rnd = createRandom(seed);
  const tieBreak = rnd.sample(['math', 'chinese', 'english'], rnd.int(0, 2));
  const schools = ['J1', 'J2', 'J3', 'J4'];
  const programCount = rnd.int(1, 7);
  const candidateCount = rnd.int(0, 36);
  const ids = rnd.sample(
    Array.from({ length: 60 }, (_, i) => `C${String(i).padStart(2, '0')}`),
    candidateCount,
  );
  const programs: ProgramInput[] = [];
  for (let p = 0; p < programCount; p++) {
    const program: ProgramInput = {
      id: `P${p}`,
      track: rnd.chance(0.5) ? 'general' : 'vocational',
      capacity: rnd.int(0, 6),
    };
    if (rnd.chance(0.3)) program.minScore = rnd.pick([5, 10, 10.5, 15]);
    if (rnd.chance(0.15)) program.requires = { sex: rnd.pick(['F', 'M']) };
    if (shape.rankByAndReserved && rnd.chance(0.35)) {
      program.rankBy = {};
      for (const id of ids) if (rnd.chance(0.8)) program.rankBy[id] = rnd.pick([60, 70, 70, 80, 90.5]);
    }
    if (shape.rankByAndReserved && rnd.chance(0.4)) {
      const pool = rnd.sample(schools, rnd.int(1, 4));
      const groups = rnd.int(1, Math.min(2, pool.length));
      let left = program.capacity;
      program.reserved = [];
      for (let g = 0; g < groups; g++) {
        const capacity = rnd.int(0, left);
        left -= capacity;
        const mine = g === groups - 1 ? pool.slice(g) : pool.slice(g, g + 1);
        program.reserved.push({ id: `P${p}-R${g}`, capacity, schools: mine });
      }
    }
    programs.push(program);
  }
  const candidates: CandidateInput[] = ids.map((id) => {
    const subjects: Record<string, number> = {};
    for (const s of ['math', 'chinese', 'english'])
      if (tieBreak.includes(s) || rnd.chance(0.3)) subjects[s] = rnd.int(0, 3);
    const candidate: CandidateInput = {
      id,
      score: rnd.pick([5, 8, 10, 10, 12.5, 15, 20]),
      subjects,
      preferences: rnd.sample(
        programs.map((p) => p.id),
        rnd.int(0, 5),
      ),
      sex: rnd.pick(['F', 'M']),
    };
    if (rnd.chance(0.3)) candidate.bonus = rnd.pick([0, 0.5, 2, 5]);
    if (rnd.chance(0.85)) candidate.school = rnd.pick(schools);
    return candidate;
  });
  return { tieBreak, programs, candidates };
}
