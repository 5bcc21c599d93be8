/** Scores are compared at 10⁻⁶: `scaled(0.1 + 0.2) === scaled(0.3)`. */
export const SCALE = 1e6;

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
 * What {@link rankCandidates} needs of each candidate, read from the input in one sequential pass
 * (see `readCandidateKeys`): the ids, `score + bonus` on the 10⁻⁶ grid, and each tie-break subject.
 */
export interface CandidateKeys {
  ids: string[];
  /** `score + bonus` as an integer count of 10⁻⁶ points. */
  totalKey: Float64Array;
  /** Per tie-break subject, in order: the candidates' scores, `scaled`. */
  subjectKeys: Float64Array[];
  /** Whether `ids` is already strictly ascending (exam numbers usually are). */
  idsSorted: boolean;
}

/**
 * Ranks all candidates: an id sort, then one stable counting sort per tie-break subject (last
 * first) and one by total — linear passes instead of a comparison sort over 400,000 objects.
 */
export function rankCandidates(keys: CandidateKeys): Ranking {
  const { ids, totalKey, subjectKeys } = keys;
  const n = ids.length;
  const idOrder = keys.idsSorted ? identity(n) : sortByIdOrder(ids);
  // The passes take turns writing into two buffers, with one more for bucket numbers: a few
  // arrays of n integers in all rather than two new ones per pass.
  const bucket = new Int32Array(n);
  let order: Int32Array = idOrder;
  let spare: Int32Array = new Int32Array(n);
  for (let s = subjectKeys.length - 1; s >= 0; s--) {
    const sorted = stableSortDescending(order, subjectKeys[s]!, bucket, spare);
    if (sorted === order) continue;
    spare = order === idOrder ? new Int32Array(n) : order;
    order = sorted;
  }
  const tieRank = positions(order);
  const globalOrder = stableSortDescending(order, totalKey, bucket, spare);
  return { idOrder, tieRank, globalOrder, globalRank: positions(globalOrder) };
}

function identity(n: number): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return order;
}

/**
 * Orders entries of a program with `rankBy`: own score (at 10⁻⁶) high to low, then `tieRank`.
 * `values` holds the own scores already `scaled`; returns the entry indices best first. When
 * (score range × candidates) stays below 2⁵³ — always for real skills tests — each entry is one
 * exact number and a native numeric sort does it; `slot` (length ≥ tieRank.length) is scratch.
 */
export function orderByOwnScore(
  candidateOf: readonly number[],
  values: readonly number[],
  tieRank: Int32Array,
  slot: Int32Array,
): ArrayLike<number> {
  const count = candidateOf.length;
  const n = tieRank.length;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < count; i++) {
    if (values[i]! < min) min = values[i]!;
    if (values[i]! > max) max = values[i]!;
  }
  if (count > 0 && (max - min + 1) * n <= Number.MAX_SAFE_INTEGER) {
    const keys = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      const tie = tieRank[candidateOf[i]!]!;
      slot[tie] = i;
      keys[i] = (max - values[i]!) * n + tie;
    }
    keys.sort();
    const order = new Int32Array(count);
    for (let r = 0; r < count; r++) order[r] = slot[keys[r]! % n]!;
    return order;
  }
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
 * otherwise each id becomes one exact number (see {@link packIdValues}): a dense range — exam
 * numbers — is one counting-sort pass, a sparse one a native numeric sort of value and index
 * packed together; ids too varied to pack fall back to a comparison sort.
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
  const packed = packIdValues(ids, maxLength);
  let indexSpan = 1;
  while (indexSpan < n) indexSpan *= 2;
  if (packed && packed.range <= Math.max(4 * n, 65536)) {
    const { values, range } = packed;
    const start = new Int32Array(range + 1);
    for (let i = 0; i < n; i++) start[values[i]! + 1]!++;
    for (let v = 1; v <= range; v++) start[v]! += start[v - 1]!;
    for (let i = 0; i < n; i++) order[start[values[i]!]!++] = i;
    return order;
  }
  if (packed && packed.range * indexSpan <= Number.MAX_SAFE_INTEGER) {
    const keys = packed.values;
    for (let i = 0; i < n; i++) keys[i] = keys[i]! * indexSpan + i;
    keys.sort();
    for (let i = 0; i < n; i++) order[i] = keys[i]! % indexSpan;
    return order;
  }
  const byId = Array.from(order).sort((a, b) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0));
  return Int32Array.from(byId);
}

/**
 * Encodes each id as one integer in [0, range) whose numeric order is the ids' string order:
 * every position where the ids differ is a mixed-radix digit (code unit + 1, 0 past the end),
 * most significant first. Exam numbers — a fixed prefix and a few varying digits — always fit;
 * `null` when the range passes 2⁵³.
 */
function packIdValues(
  ids: readonly string[],
  maxLength: number,
): { values: Float64Array; range: number } | null {
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
  const weight = new Float64Array(maxLength);
  let range = 1;
  const varying: number[] = [];
  for (let pos = maxLength - 1; pos >= 0; pos--) {
    if (high[pos] === low[pos]) continue;
    weight[pos] = range;
    range *= high[pos]! - low[pos]! + 1;
    if (range > Number.MAX_SAFE_INTEGER) return null;
    varying.push(pos);
  }
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const id = ids[i]!;
    let value = 0;
    for (const pos of varying) {
      const code = pos < id.length ? id.charCodeAt(pos) + 1 : 0;
      value += (code - low[pos]!) * weight[pos]!;
    }
    values[i] = value;
  }
  return { values, range };
}

/**
 * Stable sort of `order` by `keys[candidate]` (integers) high to low, written into `into` (or
 * `order` itself returned when all keys are equal); `bucket` is scratch of the same length. Keys
 * on a common grid (exam scores are whole or half points) go straight into counting-sort buckets;
 * others are first replaced by their rank among the distinct values.
 */
export function stableSortDescending(
  order: Int32Array,
  keys: Float64Array,
  bucket: Int32Array,
  into: Int32Array,
): Int32Array {
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
  for (let i = 0; i < n && step !== 1; i++) {
    const d = keys[i]! - min;
    if (step === 0 || d % step !== 0) step = gcd(step, d);
  }
  const range = (max - min) / step + 1;
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
  for (let i = 0; i < n; i++) {
    const c = order[i]!;
    into[start[bucket[c]!]!++] = c;
  }
  return into;
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
