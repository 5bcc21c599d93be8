import type { MatchingInput, ProgramInput, RequiredValue } from './matching.types.ts';
import { onGrid, orderByOwnScore, scaled, type Ranking } from './ranking.ts';

/**
 * The seats as the algorithm sees them. Each program's open seats are seat `p` (its input index);
 * reserved group `g` (counted across programs in input order) is seat `programCount + g`. A
 * reserved group is a "virtual program" ranking like its program, listed just before the open
 * seats by the candidates of its schools.
 */
export interface SeatModel {
  programCount: number;
  seatCount: number;
  /** The program each seat belongs to. */
  seatProgram: Int32Array;
  /** Declared seats: open = capacity − Σ reserved; a reserved group its own capacity. */
  seatCapacity: Int32Array;
  /** Id of reserved group `g` at `reservedIds[g]`. */
  reservedIds: string[];
}

/** Builds the seat model of a validated input. */
export function buildSeatModel(programs: readonly ProgramInput[]): SeatModel {
  const programCount = programs.length;
  const reservedIds = programs.flatMap((p) => (p.reserved ?? []).map((g) => g.id));
  const seatCount = programCount + reservedIds.length;
  const seatProgram = new Int32Array(seatCount);
  const seatCapacity = new Int32Array(seatCount);
  let seat = programCount;
  programs.forEach((program, p) => {
    let reserved = 0;
    for (const group of program.reserved ?? []) {
      seatProgram[seat] = p;
      seatCapacity[seat++] = group.capacity;
      reserved += group.capacity;
    }
    seatProgram[p] = p;
    seatCapacity[p] = program.capacity - reserved;
  });
  return { programCount, seatCount, seatProgram, seatCapacity, reservedIds };
}

/**
 * Every candidate's preferences expanded to the seats they may actually take, in order: choices
 * they are not eligible for (minScore, requires, absent from rankBy) and seats of capacity 0 are
 * dropped, and a program with a reserved group for their school becomes [reserved, open].
 * Candidate `c` owns entries `offsets[c] … offsets[c + 1] − 1`.
 */
export interface ProposalLists {
  offsets: Int32Array;
  seat: Int32Array;
  /** The candidate's rank at the seat's program (lower is better). */
  key: Int32Array;
  /** 0-based position of the program in the candidate's preferences. */
  choice: Int32Array;
  /** How many entries name each seat: no seat can admit more. */
  applicants: Int32Array;
}

interface ProgramRules {
  /** Program id → input index. */
  programOf: Record<string, number>;
  minScore: Float64Array;
  requiredFields: Array<string[] | null>;
  requiredValues: Array<RequiredValue[] | null>;
  /** The programs' own rankings, as given. */
  rankBy: Array<Record<string, number> | null>;
  /** Per candidate: index of their school among schools named by reserved groups, or −1. */
  schoolOf: Int32Array;
  /** For programs with reserved groups: pairs (school index, seat index), flat. */
  reservedSeats: Array<Int32Array | null>;
}

/**
 * The programs' rules in arrays by program index. Schools named by reserved groups become
 * integers once per candidate, so the loop over 4.8 million preferences never looks a school up.
 */
function programRules(input: MatchingInput, model: SeatModel): ProgramRules {
  const { programs, candidates } = input;
  const programOf: Record<string, number> = Object.create(null);
  const minScore = new Float64Array(model.programCount).fill(-Infinity);
  const schoolIndex = new Map<string, number>();
  for (const program of programs)
    for (const group of program.reserved ?? [])
      for (const school of group.schools)
        if (!schoolIndex.has(school)) schoolIndex.set(school, schoolIndex.size);
  const schoolOf = new Int32Array(candidates.length).fill(-1);
  if (schoolIndex.size > 0)
    candidates.forEach(
      (c, i) => (schoolOf[i] = c.school === undefined ? -1 : (schoolIndex.get(c.school) ?? -1)),
    );
  const rules: ProgramRules = {
    programOf,
    minScore,
    requiredFields: [],
    requiredValues: [],
    rankBy: [],
    schoolOf,
    reservedSeats: [],
  };
  let seat = model.programCount;
  programs.forEach((program, p) => {
    programOf[program.id] = p;
    if (program.minScore !== undefined) minScore[p] = onGrid(program.minScore);
    const requires = program.requires ? Object.entries(program.requires) : [];
    rules.requiredFields.push(requires.length ? requires.map(([field]) => field) : null);
    rules.requiredValues.push(requires.length ? requires.map(([, value]) => value) : null);
    rules.rankBy.push(program.rankBy ?? null);
    const pairs: number[] = [];
    for (const group of program.reserved ?? []) {
      for (const school of group.schools) pairs.push(schoolIndex.get(school)!, seat);
      seat++;
    }
    rules.reservedSeats.push(pairs.length ? Int32Array.from(pairs) : null);
  });
  return rules;
}

/** Applicants of a `rankBy` program: their first entry, entry count, candidate and scaled own score. */
interface OwnRanking {
  firstEntry: number[];
  entryCount: number[];
  candidate: number[];
  value: number[];
}

/**
 * Builds the proposal lists of a validated input (see {@link ProposalLists}) in one pass over the
 * preferences. Entries at `rankBy` programs get their rank once all applicants are known.
 */
export function buildProposalLists(input: MatchingInput, ranking: Ranking, model: SeatModel): ProposalLists {
  const { candidates } = input;
  const n = candidates.length;
  const rules = programRules(input, model);
  const capacity = model.seatCapacity;
  const own: Array<OwnRanking | null> = rules.rankBy.map((r) =>
    r ? { firstEntry: [], entryCount: [], candidate: [], value: [] } : null,
  );
  let preferenceCount = 0;
  for (let c = 0; c < n; c++) preferenceCount += candidates[c]!.preferences.length;
  let seat = new Int32Array(preferenceCount + (preferenceCount >> 3) + 2);
  let key = new Int32Array(seat.length);
  let choice = new Int32Array(seat.length);
  const applicants = new Int32Array(model.seatCount);
  const offsets = new Int32Array(n + 1);
  const {
    programOf,
    minScore,
    requiredFields,
    requiredValues,
    rankBy: rankByOf,
    schoolOf,
    reservedSeats,
  } = rules;
  const { total: totals, globalRank: globalRanks } = ranking;
  let out = 0;
  for (let c = 0; c < n; c++) {
    const candidate = candidates[c]!;
    const { id, preferences } = candidate;
    const school = schoolOf[c]!;
    // Room for the worst case (every choice a reserved + open pair), checked once per candidate.
    if (out + 2 * preferences.length > seat.length) {
      seat = grown(seat, out + 2 * preferences.length);
      key = grown(key, seat.length);
      choice = grown(choice, seat.length);
    }
    const total = totals[c]!;
    const globalRank = globalRanks[c]!;
    for (let j = 0; j < preferences.length; j++) {
      const p = programOf[preferences[j]!];
      if (p === undefined) throw new Error(`Unknown program ${preferences[j]}: validate the input first`);
      if (total < minScore[p]!) continue;
      const fields = requiredFields[p];
      if (fields && !meetsRequirements(candidate, fields, requiredValues[p]!)) continue;
      const rankBy = rankByOf[p];
      const ownScore = rankBy ? rankBy[id] : undefined;
      if (rankBy && typeof ownScore !== 'number') continue;
      const pairs = school >= 0 ? reservedSeats[p] : null;
      let reservedSeat = -1;
      if (pairs)
        for (let k = 0; k < pairs.length; k += 2) if (pairs[k] === school) reservedSeat = pairs[k + 1]!;
      const first = out;
      if (reservedSeat >= 0 && capacity[reservedSeat] !== 0) {
        seat[out] = reservedSeat;
        key[out] = globalRank;
        choice[out++] = j;
        applicants[reservedSeat]!++;
      }
      if (capacity[p] !== 0) {
        seat[out] = p;
        key[out] = globalRank;
        choice[out++] = j;
        applicants[p]!++;
      }
      if (ownScore !== undefined && out > first) {
        const o = own[p]!;
        o.firstEntry.push(first);
        o.entryCount.push(out - first);
        o.candidate.push(c);
        o.value.push(scaled(ownScore));
      }
    }
    offsets[c + 1] = out;
  }
  for (const o of own) {
    if (!o) continue;
    orderByOwnScore(o.candidate, o.value, ranking.tieRank).forEach((i, rank) => {
      for (let e = o.firstEntry[i]!; e < o.firstEntry[i]! + o.entryCount[i]!; e++) key[e] = rank;
    });
  }
  return {
    offsets,
    seat: seat.subarray(0, out),
    key: key.subarray(0, out),
    choice: choice.subarray(0, out),
    applicants,
  };
}

/** A longer copy (entries outgrew the estimate: many reserved-seat applicants). */
function grown(a: Int32Array<ArrayBuffer>, atLeast: number): Int32Array<ArrayBuffer> {
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
