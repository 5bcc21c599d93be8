/**
 * A small deterministic PRNG (mulberry32): numbers in [0, 1), the same sequence for the same seed
 * on every machine, so a module's demo records are the same for a given date.
 *
 * @example const rand = seededRandom(2026 * 7919); rand() // 0.…, always the same first number
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
