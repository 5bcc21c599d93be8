import type { SeatHolders } from './deferred-acceptance.ts';
import type {
  Assignment,
  Cutoff,
  MatchingInput,
  MatchingOutput,
  ProgramResult,
  ReservedGroupResult,
} from './matching.types.ts';
import type { ProposalLists, SeatModel } from './proposal-lists.ts';
import type { Ranking } from './ranking.ts';

/**
 * Turns the engine's integer arrays back into the output format: assignments in candidate-id
 * order, programs and their reserved groups in input order, then the season's totals.
 */
export function buildMatchingOutput(
  input: MatchingInput,
  ranking: Ranking,
  model: SeatModel,
  lists: ProposalLists,
  holders: SeatHolders,
): MatchingOutput {
  const { candidates, programs } = input;
  const assignments: Assignment[] = new Array(candidates.length);
  let general = 0;
  let vocational = 0;
  for (let i = 0; i < candidates.length; i++) {
    const c = ranking.idOrder[i]!;
    const entry = holders.held[c]!;
    if (entry < 0) {
      assignments[i] = { candidate: candidates[c]!.id, program: null, seat: null, choice: null };
      continue;
    }
    const s = lists.seat[entry]!;
    const program = programs[model.seatProgram[s]!]!;
    if (program.track === 'vocational') vocational++;
    else general++;
    assignments[i] = {
      candidate: candidates[c]!.id,
      program: program.id,
      seat: s < model.programCount ? null : model.reservedIds[s - model.programCount]!,
      choice: lists.choice[entry]! + 1,
    };
  }
  const cutoff = (s: number): Cutoff | null => {
    if (holders.size[s] === 0) return null;
    const c = holders.heapCandidate[holders.start[s]!]!;
    return { candidate: candidates[c]!.id, score: ranking.total[c]! };
  };
  let seat = model.programCount;
  const programResults = programs.map((program, p): ProgramResult => {
    let admitted = holders.size[p]!;
    const reserved = (program.reserved ?? []).map((group): ReservedGroupResult => {
      const s = seat++;
      admitted += holders.size[s]!;
      return { id: group.id, capacity: group.capacity, admitted: holders.size[s]!, cutoff: cutoff(s) };
    });
    return { id: program.id, capacity: program.capacity, admitted, cutoff: cutoff(p), reserved };
  });
  const placed = general + vocational;
  return {
    assignments,
    programs: programResults,
    summary: {
      candidates: candidates.length,
      placed,
      unplaced: candidates.length - placed,
      general,
      vocational,
      vocationalShare: placed === 0 ? 0 : vocational / placed,
    },
  };
}

/**
 * The output as JSON text: one assignment and one program per line, so two runs diff line by line
 * and a 400,000-candidate file stays readable. Deterministic: fixed key order, arrays in the
 * engine's order, numbers as `JSON.stringify` writes them.
 */
export function formatMatchingOutput(output: MatchingOutput): string {
  const lines = (items: readonly unknown[]) =>
    items.length === 0 ? '[]' : `[\n${items.map((item) => `    ${JSON.stringify(item)}`).join(',\n')}\n  ]`;
  return (
    `{\n  "assignments": ${lines(output.assignments)},\n` +
    `  "programs": ${lines(output.programs)},\n` +
    `  "summary": ${JSON.stringify(output.summary)}\n}\n`
  );
}
