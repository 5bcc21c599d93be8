import type { MatchingInput, RequiredValue } from './matching.types.ts';
import { orderByOwnScore, scaled, SCALE, type CandidateKeys, type Ranking } from './ranking.ts';
import { programRules, type SeatModel } from './seat-model.ts';

/**
 * Every candidate's preferences expanded to the seats they may actually take, in order: choices
 * they are not eligible for (minScore, requires, absent from rankBy) and seats of capacity 0 are
 * dropped, and a program with a reserved group for their school becomes [reserved, open].
 * Candidate `c` owns entries `offsets[c] … offsets[c + 1] − 1`.
 *
 * Kept small on purpose (5 bytes an entry): every fresh megabyte of typed arrays counts against
 * V8's external-memory budget, and crossing it forces a full mark of the caller's whole input.
 * An entry's rank at its seat is the candidate's global rank, except at seats of programs with
 * `rankBy`: such an entry stores `seatCount + i` and its seat and own rank are `ownSeat[i]`,
 * `ownRank[i]` (see {@link entrySeat}).
 */
export interface ProposalLists {
  offsets: Int32Array;
  seat: Int32Array;
  /** 0-based position of the program in the candidate's preferences. */
  choice: Uint8Array | Uint16Array | Int32Array;
  /** How many entries name each seat: no seat can admit more. */
  applicants: Int32Array;
  seatCount: number;
  ownSeat: Int32Array;
  /** The candidate's rank among the applicants of the `rankBy` program (lower is better). */
  ownRank: Int32Array;
}

/** The seat of entry `e`. */
export function entrySeat(lists: ProposalLists, e: number): number {
  const s = lists.seat[e]!;
  return s < lists.seatCount ? s : lists.ownSeat[s - lists.seatCount]!;
}

/** Applicants of a `rankBy` program: first own-entry slot, entry count, candidate, scaled own score. */
export interface OwnApplicants {
  firstEntry: number[];
  entryCount: number[];
  candidate: number[];
  value: number[];
}

/**
 * First read of the candidates, front to back in memory: what ranking needs (ids, `score +
 * bonus`, tie-break subjects), and the sizes of the proposal lists.
 */
export function readCandidateKeys(input: MatchingInput): CandidateKeys & { preferenceCount: number } {
  const { candidates, tieBreak } = input;
  const n = candidates.length;
  const ids: string[] = new Array(n);
  const totalKey = new Float64Array(n);
  const subjectKeys = tieBreak.map(() => new Float64Array(n));
  const subjectCount = tieBreak.length;
  let idsSorted = true;
  let preferenceCount = 0;
  for (let c = 0; c < n; c++) {
    const candidate = candidates[c]!;
    const id = candidate.id;
    ids[c] = id;
    if (c > 0 && idsSorted && !(ids[c - 1]! < id)) idsSorted = false;
    totalKey[c] = scaled(candidate.score + (candidate.bonus ?? 0));
    const subjects = candidate.subjects;
    for (let s = 0; s < subjectCount; s++) subjectKeys[s]![c] = scaled(subjects?.[tieBreak[s]!] ?? 0);
    preferenceCount += candidate.preferences.length;
  }
  return { ids, totalKey, subjectKeys, idsSorted, preferenceCount };
}

/**
 * Builds the proposal lists (see {@link ProposalLists}) in a second pass front to back over the
 * candidates — in memory order: visiting 400,000 objects in rank order instead costs a cache miss
 * at each step. Entries at `rankBy` programs get their rank later ({@link rankOwnApplicants}).
 */
export function buildProposalLists(
  input: MatchingInput,
  model: SeatModel,
  keys: CandidateKeys & { preferenceCount: number },
): { lists: ProposalLists; own: Array<OwnApplicants | null> } {
  const { candidates } = input;
  const n = candidates.length;
  const rules = programRules(input, model);
  const { programOf, minScore, requiredFields, requiredValues, rankBy: rankByOf, reservedSeats } = rules;
  const capacity = model.seatCapacity;
  const own: Array<OwnApplicants | null> = rankByOf.map((r) =>
    r ? { firstEntry: [], entryCount: [], candidate: [], value: [] } : null,
  );
  const seatCount = model.seatCount;
  const ownSeat: number[] = [];
  const schools = rules.schoolIndex;
  const hasSchools = schools.size > 0;
  const { totalKey, preferenceCount } = keys;
  // Sized for every preference (ineligible ones are dropped); grown if reserved pairs outnumber them.
  let seat: Int32Array = new Int32Array(preferenceCount + 16);
  let choice: Uint8Array | Uint16Array | Int32Array = new Uint8Array(seat.length);
  const applicants = new Int32Array(model.seatCount);
  const offsets = new Int32Array(n + 1);
  let out = 0;
  for (let c = 0; c < n; c++) {
    const candidate = candidates[c]!;
    const id = candidate.id;
    const total = totalKey[c]! / SCALE;
    const preferences = candidate.preferences;
    const school = hasSchools && candidate.school !== undefined ? (schools.get(candidate.school) ?? -1) : -1;
    // Room for the worst case (every choice a reserved + open pair), checked once per candidate.
    if (out + 2 * preferences.length > seat.length) seat = grown(seat, out + 2 * preferences.length);
    if (seat.length > choice.length || preferences.length > choiceLimit(choice))
      choice = grownChoice(choice, seat.length, preferences.length);
    let ownKey: string | number | null = null;
    for (let j = 0; j < preferences.length; j++) {
      const p = programOf[preferences[j]!];
      if (p === undefined) throw new Error(`Unknown program ${preferences[j]}: validate the input first`);
      if (total < minScore[p]!) continue;
      const fields = requiredFields[p];
      if (fields !== null && !meetsRequirements(candidate, fields!, requiredValues[p]!)) continue;
      const rankBy = rankByOf[p];
      let ownScore: unknown;
      if (rankBy !== null) {
        ownKey ??= propertyKey(id);
        ownScore = rankBy![ownKey];
        if (typeof ownScore !== 'number') continue;
      }
      const pairs = school >= 0 ? reservedSeats[p] : null;
      let reservedSeat = -1;
      if (pairs)
        for (let k = 0; k < pairs.length; k += 2) if (pairs[k] === school) reservedSeat = pairs[k + 1]!;
      const first = out;
      // A rankBy entry points past the seats, at its slot in ownSeat / ownRank.
      const firstOwn = ownSeat.length;
      if (reservedSeat >= 0 && capacity[reservedSeat] !== 0) {
        seat[out] = rankBy === null ? reservedSeat : seatCount + ownSeat.push(reservedSeat) - 1;
        choice[out++] = j;
        applicants[reservedSeat]!++;
      }
      if (capacity[p] !== 0) {
        seat[out] = rankBy === null ? p : seatCount + ownSeat.push(p) - 1;
        choice[out++] = j;
        applicants[p]!++;
      }
      if (rankBy !== null && out > first) {
        const o = own[p]!;
        o.firstEntry.push(firstOwn);
        o.entryCount.push(out - first);
        o.candidate.push(c);
        o.value.push(scaled(ownScore as number));
      }
    }
    offsets[c + 1] = out;
  }
  const lists: ProposalLists = {
    offsets,
    seat: seat.subarray(0, out),
    choice: choice.subarray(0, out),
    applicants,
    seatCount,
    ownSeat: Int32Array.from(ownSeat),
    ownRank: new Int32Array(ownSeat.length),
  };
  return { lists, own };
}

/**
 * Writes each `rankBy` applicant's rank among that program's applicants (own score high to low,
 * then the tie-break order) into `ownRank` for their entries there.
 */
export function rankOwnApplicants(
  own: ReadonlyArray<OwnApplicants | null>,
  ownRank: Int32Array,
  ranking: Ranking,
): void {
  const slot = new Int32Array(own.some((o) => o) ? ranking.tieRank.length : 0);
  for (const o of own) {
    if (!o) continue;
    const order = orderByOwnScore(o.candidate, o.value, ranking.tieRank, slot);
    for (let rank = 0; rank < order.length; rank++) {
      const i = order[rank]!;
      const end = o.firstEntry[i]! + o.entryCount[i]!;
      for (let e = o.firstEntry[i]!; e < end; e++) ownRank[e] = rank;
    }
  }
}

/**
 * The key to read a candidate's `rankBy` score with: an id that is a canonical array index
 * ("2025000123") names the same property as that number, and a number skips converting the string
 * on every look-up. Parsed by hand: `Number` and `String` round trips cost more than they save.
 */
function propertyKey(id: string): string | number {
  const length = id.length;
  if (length === 0 || length > 10 || (length > 1 && id.charCodeAt(0) === 48)) return id;
  let value = 0;
  for (let i = 0; i < length; i++) {
    const digit = id.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return id;
    value = value * 10 + digit;
  }
  return value < 4294967295 ? value : id;
}

/** How many preference positions `choice` can hold. */
function choiceLimit(choice: Uint8Array | Uint16Array | Int32Array): number {
  return choice instanceof Uint8Array ? 256 : choice instanceof Uint16Array ? 65536 : Infinity;
}

/** A copy of `choice` at least `length` long, wide enough for `preferences` positions. */
function grownChoice(
  choice: Uint8Array | Uint16Array | Int32Array,
  length: number,
  preferences: number,
): Uint8Array | Uint16Array | Int32Array {
  const width = Math.max(choiceLimit(choice) === Infinity ? 65537 : choiceLimit(choice), preferences);
  const next =
    width <= 256 ? new Uint8Array(length) : width <= 65536 ? new Uint16Array(length) : new Int32Array(length);
  next.set(choice);
  return next;
}

/** A longer copy (entries outgrew the estimate: many reserved-seat applicants). */
function grown(a: Int32Array, atLeast: number): Int32Array {
  const b = new Int32Array(Math.max(atLeast, a.length + (a.length >> 1)));
  b.set(a);
  return b;
}

function meetsRequirements(
  candidate: Record<string, unknown>,
  fields: readonly string[],
  values: readonly RequiredValue[],
): boolean {
  for (let i = 0; i < fields.length; i++) if (candidate[fields[i]!] !== values[i]) return false;
  return true;
}
