import type { CandidateInput } from './matching.types.ts';

/** Scores are compared at 10⁻⁶: `scaled(0.1 + 0.2) === scaled(0.3)`. */
const SCALE = 1e6;

/** A score as an exact integer count of 10⁻⁶ points, the unit every comparison uses. */
export function scaled(score: number): number {
  return Math.round(score * SCALE);
}

/** A score rounded to the 10⁻⁶ grid, so `<` and `===` on two such values match `scaled` ones. */
export function onGrid(score: number): number {
  return scaled(score) / SCALE;
}

/**
 * Every candidate's place in the orders the engine needs, computed once as integers so the
 * matching itself never compares strings or walks score objects.
 */
export interface Ranking {
  /** `score + bonus` per candidate index. */
  total: Float64Array;
  /** Candidate indices by id ascending (UTF-16 code units, like `<` on strings). */
  idOrder: Int32Array;
  /** Rank (0 = best) by the tie-break subjects, higher first, then id: ties of a `rankBy` score. */
  tieRank: Int32Array;
  /** Candidate indices best first: `score + bonus`, then tie-break subjects, then id. */
  globalOrder: Int32Array;
  /** Position of each candidate in `globalOrder`: its rank at every program without `rankBy`. */
  globalRank: Int32Array;
}

/**
 * Ranks all candidates: an id sort, then one stable counting sort per tie-break subject (last
 * first) and one by total — linear passes instead of a comparison sort over 400,000 objects.
 */
export function rankCandidates(candidates: readonly CandidateInput[], tieBreak: readonly string[]): Ranking {
  const n = candidates.length;
  const ids = candidates.map((c) => c.id);
  const idOrder = sortByIdOrder(ids);
  const subjectKeys = tieBreak.map(() => new Float64Array(n));
  const total = new Float64Array(n);
  const totalKeys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const candidate = candidates[i]!;
    const subjects = candidate.subjects;
    for (let s = 0; s < tieBreak.length; s++) subjectKeys[s]![i] = scaled(subjects?.[tieBreak[s]!] ?? 0);
    totalKeys[i] = scaled(candidate.score + (candidate.bonus ?? 0));
    total[i] = totalKeys[i]! / SCALE;
  }
  let order = idOrder;
  for (let s = tieBreak.length - 1; s >= 0; s--) order = stableSortDescending(order, subjectKeys[s]!);
  const tieRank = positions(order);
  const globalOrder = stableSortDescending(order, totalKeys);
  return { total, idOrder, tieRank, globalOrder, globalRank: positions(globalOrder) };
}

/**
 * Orders entries of a program with `rankBy`: own score (at 10⁻⁶) high to low, then `tieRank`.
 * `values` holds the own scores already `scaled`; returns the entry indices best first.
 */
export function orderByOwnScore(
  candidateOf: readonly number[],
  values: readonly number[],
  tieRank: Int32Array,
): number[] {
  const entries = candidateOf.map((_, i) => i);
  entries.sort((a, b) => values[b]! - values[a]! || tieRank[candidateOf[a]!]! - tieRank[candidateOf[b]!]!);
  return entries;
}

function positions(order: Int32Array): Int32Array {
  const rank = new Int32Array(order.length);
  for (let r = 0; r < order.length; r++) rank[order[r]!] = r;
  return rank;
}

/**
 * Candidate indices sorted by id. Already-sorted input (exam numbers usually are) costs one scan;
 * otherwise each id becomes one exact number (see {@link packIdKeys}) and a native numeric sort
 * does the rest; ids too varied to pack fall back to a comparison sort.
 */
export function sortByIdOrder(ids: readonly string[]): Int32Array {
  const n = ids.length;
  const order = new Int32Array(n);
  let sorted = true;
  let maxLength = 0;
  for (let i = 0; i < n; i++) {
    order[i] = i;
    if (i > 0 && !(ids[i - 1]! < ids[i]!)) sorted = false;
    if (ids[i]!.length > maxLength) maxLength = ids[i]!.length;
  }
  if (sorted) return order;
  const packed = packIdKeys(ids, maxLength);
  if (packed) {
    packed.keys.sort();
    for (let i = 0; i < n; i++) order[i] = packed.keys[i]! % packed.indexSpan;
    return order;
  }
  const byId = Array.from(order).sort((a, b) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0));
  return Int32Array.from(byId);
}

/**
 * Encodes each id with its index as one integer below 2⁵³ whose numeric order is the ids' string
 * order: every position where the ids differ is a mixed-radix digit (code unit + 1, 0 past the
 * end), most significant first, and the index fills the lowest digits. Exam numbers — a fixed
 * prefix and a few varying digits — always fit; `null` when the ids are too varied.
 */
function packIdKeys(
  ids: readonly string[],
  maxLength: number,
): { keys: Float64Array; indexSpan: number } | null {
  if (maxLength > 64) return null;
  const n = ids.length;
  const low = new Int32Array(maxLength).fill(0x10001);
  const high = new Int32Array(maxLength).fill(-1);
  for (let i = 0; i < n; i++) {
    const id = ids[i]!;
    for (let pos = 0; pos < maxLength; pos++) {
      const code = pos < id.length ? id.charCodeAt(pos) + 1 : 0;
      if (code < low[pos]!) low[pos] = code;
      if (code > high[pos]!) high[pos] = code;
    }
  }
  let indexSpan = 1;
  while (indexSpan < n) indexSpan *= 2;
  const weight = new Float64Array(maxLength);
  let span = indexSpan;
  const varying: number[] = [];
  for (let pos = maxLength - 1; pos >= 0; pos--) {
    if (high[pos] === low[pos]) continue;
    weight[pos] = span;
    span *= high[pos]! - low[pos]! + 1;
    if (span > Number.MAX_SAFE_INTEGER) return null;
    varying.push(pos);
  }
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const id = ids[i]!;
    let key = i;
    for (const pos of varying) {
      const code = pos < id.length ? id.charCodeAt(pos) + 1 : 0;
      key += (code - low[pos]!) * weight[pos]!;
    }
    keys[i] = key;
  }
  return { keys, indexSpan };
}

/**
 * Stable sort of `order` by `keys[candidate]` (integers) high to low. Keys on a common grid (exam
 * scores are whole or half points) go straight into counting-sort buckets; others are first
 * replaced by their rank among the distinct values.
 */
export function stableSortDescending(order: Int32Array, keys: Float64Array): Int32Array {
  const n = order.length;
  if (n < 2) return order;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const k = keys[i]!;
    if (k < min) min = k;
    if (k > max) max = k;
  }
  if (min === max) return order;
  let step = 0;
  for (let i = 0; i < n && step !== 1; i++) step = gcd(step, keys[i]! - min);
  const range = (max - min) / step + 1;
  const bucket = new Int32Array(n);
  let buckets: number;
  if (range <= Math.max(4 * n, 65536)) {
    for (let i = 0; i < n; i++) bucket[i] = (max - keys[i]!) / step;
    buckets = range;
  } else {
    const distinct = Float64Array.from(new Set(keys)).sort();
    for (let i = 0; i < n; i++) bucket[i] = distinct.length - 1 - binarySearch(distinct, keys[i]!);
    buckets = distinct.length;
  }
  const start = new Int32Array(buckets + 1);
  for (let i = 0; i < n; i++) start[bucket[i]! + 1]!++;
  for (let b = 1; b <= buckets; b++) start[b]! += start[b - 1]!;
  const sorted = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = order[i]!;
    sorted[start[bucket[c]!]!++] = c;
  }
  return sorted;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

function binarySearch(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
