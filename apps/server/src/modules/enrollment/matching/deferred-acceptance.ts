import type { ProposalLists } from './proposal-lists.ts';
import type { Ranking } from './ranking.ts';

/**
 * The outcome of deferred acceptance. Each seat keeps its admitted candidates in a max-heap on
 * their rank there (slots `start[s] … start[s] + size[s] − 1` of the heap arrays), so the
 * lowest-ranked admitted — the cut-off — is always at `start[s]`.
 */
export interface SeatHolders {
  /** The proposal-list entry each candidate holds at the end, or −1 when unplaced. */
  held: Int32Array;
  start: Int32Array;
  size: Int32Array;
  heapKey: Int32Array;
  heapCandidate: Int32Array;
}

/**
 * Candidate-proposing deferred acceptance (Gale–Shapley) over the expanded proposal lists.
 *
 * Each candidate proposes down their list; a seat with room holds the proposal, a full seat
 * holds it only by rejecting its lowest-ranked holder, who then proposes to their next entry.
 * Every entry is proposed to at most once, so the work is O(entries · log capacity). A heap
 * (not a sorted list) keeps that bound even for adversarial `rankBy` orders.
 *
 * The result — the candidate-optimal stable matching — does not depend on the order in which
 * candidates start proposing. Starting them in `globalOrder` (the global score order) makes
 * it serial dictatorship (平行志愿) as it runs: at a program that ranks by exam score nobody
 * ever displaces anybody, and only programs with their own ranking (`rankBy`) cause rejections.
 * An entry's rank is the proposer's `globalRank`, or their own rank at a `rankBy` program.
 */
export function deferredAcceptance(
  lists: ProposalLists,
  seatCapacity: Int32Array,
  ranking: Pick<Ranking, 'globalOrder' | 'globalRank'>,
): SeatHolders {
  const { offsets, seat, applicants, seatCount, ownSeat, ownRank } = lists;
  const { globalOrder, globalRank } = ranking;
  const seats = seatCapacity.length;
  const capacity = new Int32Array(seats);
  const start = new Int32Array(seats);
  let slots = 0;
  for (let s = 0; s < seats; s++) {
    // A seat can never hold more than the candidates who list it: bounds memory for huge quotas.
    capacity[s] = Math.min(seatCapacity[s]!, applicants[s]!);
    start[s] = slots;
    slots += capacity[s]!;
  }
  const size = new Int32Array(seats);
  const heapKey = new Int32Array(slots);
  const heapCandidate = new Int32Array(slots);
  const n = offsets.length - 1;
  const position = offsets.slice(0, n);
  for (let block = 0; block < n; block += TOUCH_BLOCK) {
    const blockEnd = Math.min(n, block + TOUCH_BLOCK);
    _touched ^= touch(globalOrder, block, blockEnd, position, seat);
    for (let r = block; r < blockEnd; r++) {
      let proposer = globalOrder[r]!;
      while (proposer >= 0) {
        const end = offsets[proposer + 1]!;
        const rank = globalRank[proposer]!;
        let e = position[proposer]!;
        let rejected = -1;
        for (; e < end; e++) {
          let s = seat[e]!;
          let k = rank;
          if (s >= seatCount) {
            k = ownRank[s - seatCount]!;
            s = ownSeat[s - seatCount]!;
          }
          const base = start[s]!;
          const held = size[s]!;
          if (held < capacity[s]!) {
            siftUp(heapKey, heapCandidate, base, held, k, proposer);
            size[s] = held + 1;
            break;
          }
          if (held > 0 && k < heapKey[base]!) {
            rejected = heapCandidate[base]!;
            siftDown(heapKey, heapCandidate, base, held, k, proposer);
            break;
          }
        }
        position[proposer] = e;
        if (rejected >= 0) position[rejected]!++;
        proposer = rejected;
      }
    }
  }
  const held = new Int32Array(n);
  for (let c = 0; c < n; c++) held[c] = position[c]! < offsets[c + 1]! ? position[c]! : -1;
  return { held, start, size, heapKey, heapCandidate };
}

/** Proposers whose lists {@link touch} brings into the cache at a time. */
const TOUCH_BLOCK = 256;
/** Where touched values go, so that no compiler drops the loads as unused. */
let _touched = 0;

/**
 * Reads the first entry of each proposer in `order[from … to − 1]`. In rank order the lists lie
 * scattered over tens of megabytes; these loads do not depend on each other, so the processor
 * overlaps their cache misses, where the matching loop would wait for them one at a time.
 */
function touch(order: Int32Array, from: number, to: number, position: Int32Array, seat: Int32Array): number {
  let sum = 0;
  for (let r = from; r < to; r++) sum += seat[position[order[r]!]!] ?? 0;
  return sum;
}

/** Inserts (k, c) into the max-heap of `size` items at `base`. */
function siftUp(keys: Int32Array, cands: Int32Array, base: number, size: number, k: number, c: number): void {
  let i = size;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const pk = keys[base + parent]!;
    if (pk >= k) break;
    keys[base + i] = pk;
    cands[base + i] = cands[base + parent]!;
    i = parent;
  }
  keys[base + i] = k;
  cands[base + i] = c;
}

/** Replaces the root of the max-heap of `size` items at `base` with (k, c). */
function siftDown(
  keys: Int32Array,
  cands: Int32Array,
  base: number,
  size: number,
  k: number,
  c: number,
): void {
  let i = 0;
  for (;;) {
    let child = 2 * i + 1;
    if (child >= size) break;
    if (child + 1 < size && keys[base + child + 1]! > keys[base + child]!) child++;
    const ck = keys[base + child]!;
    if (ck <= k) break;
    keys[base + i] = ck;
    cands[base + i] = cands[base + child]!;
    i = child;
  }
  keys[base + i] = k;
  cands[base + i] = c;
}
