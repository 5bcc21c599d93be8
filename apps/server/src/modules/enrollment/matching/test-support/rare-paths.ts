import type { MatchingInput } from '../matching.types.ts';
import { createRandom } from './random.ts';

/** Which of the engine's less common code paths a season should take. */
export type RarePath = 'sparseIds' | 'longIds' | 'hugeOwnScores' | 'longLists';

/**
 * A random season rewritten to take one of the engine's rarer paths, which province-shaped data
 * never reaches: ids too sparse for a counting sort (a packed numeric sort), ids too long to pack
 * (a comparison sort), own scores too far apart to pack with the tie-break rank (a comparison
 * sort), and preference lists longer than 256 (wider `choice` positions).
 */
export function rareSeason(input: MatchingInput, path: RarePath, seed: number): MatchingInput {
  const rnd = createRandom(seed);
  const copy = JSON.parse(JSON.stringify(input)) as MatchingInput;
  if (path === 'sparseIds' || path === 'longIds') {
    const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
    const used = new Set<string>();
    const rename = new Map<string, string>();
    for (const c of copy.candidates) {
      let id: string;
      do {
        const length = path === 'longIds' ? rnd.int(60, 80) : rnd.int(3, 9);
        id = Array.from({ length }, () => rnd.pick([...alphabet])).join('');
      } while (used.has(id));
      used.add(id);
      rename.set(c.id, id);
      c.id = id;
    }
    for (const p of copy.programs)
      if (p.rankBy)
        p.rankBy = Object.fromEntries(Object.entries(p.rankBy).map(([k, v]) => [rename.get(k)!, v]));
  }
  if (path === 'hugeOwnScores')
    for (const p of copy.programs)
      if (p.rankBy) for (const k of Object.keys(p.rankBy)) p.rankBy[k] = p.rankBy[k]! * 1e10 - 5e11;
  if (path === 'longLists') {
    const extra = Array.from({ length: 300 }, (_, i) => ({
      id: `X${i}`,
      track: 'vocational' as const,
      capacity: rnd.int(0, 1),
    }));
    copy.programs.push(...extra);
    for (const c of copy.candidates)
      if (rnd.chance(0.5)) c.preferences = [...extra.map((p) => p.id), ...c.preferences];
  }
  return copy;
}
