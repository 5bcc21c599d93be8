import type { MatchingInput, ProgramInput, RequiredValue } from './matching.types.ts';
import { onGrid } from './ranking.ts';

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

export interface ProgramRules {
  /** Program id → input index. */
  programOf: Record<string, number>;
  minScore: Float64Array;
  requiredFields: Array<string[] | null>;
  requiredValues: Array<RequiredValue[] | null>;
  /** The programs' own rankings, as given. */
  rankBy: Array<Record<string, number> | null>;
  /** Index of each school named by reserved groups. */
  schoolIndex: Map<string, number>;
  /** For programs with reserved groups: pairs (school index, seat index), flat. */
  reservedSeats: Array<Int32Array | null>;
}

/** The programs' rules in arrays by program index, so the preference loop never walks an object. */
export function programRules(input: MatchingInput, model: SeatModel): ProgramRules {
  const programOf: Record<string, number> = Object.create(null);
  const minScore = new Float64Array(model.programCount).fill(-Infinity);
  const schoolIndex = new Map<string, number>();
  const rules: ProgramRules = {
    programOf,
    minScore,
    requiredFields: [],
    requiredValues: [],
    rankBy: [],
    schoolIndex,
    reservedSeats: [],
  };
  let seat = model.programCount;
  input.programs.forEach((program, p) => {
    programOf[program.id] = p;
    if (program.minScore !== undefined) minScore[p] = onGrid(program.minScore);
    const requires = program.requires ? Object.entries(program.requires) : [];
    rules.requiredFields.push(requires.length ? requires.map(([field]) => field) : null);
    rules.requiredValues.push(requires.length ? requires.map(([, value]) => value) : null);
    rules.rankBy.push(program.rankBy ?? null);
    const pairs: number[] = [];
    for (const group of program.reserved ?? []) {
      for (const school of group.schools) {
        if (!schoolIndex.has(school)) schoolIndex.set(school, schoolIndex.size);
        pairs.push(schoolIndex.get(school)!, seat);
      }
      seat++;
    }
    rules.reservedSeats.push(pairs.length ? Int32Array.from(pairs) : null);
  });
  return rules;
}
