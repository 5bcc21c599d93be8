import type { SeatHolders } from './deferred-acceptance.ts';
import type {
  Assignment,
  Cutoff,
  MatchingInput,
  MatchingOutput,
  ProgramResult,
  ReservedGroupResult,
} from './matching.types.ts';
import { entrySeat, type ProposalLists } from './proposal-lists.ts';
import type { SeatModel } from './seat-model.ts';
import { SCALE, type CandidateKeys, type Ranking } from './ranking.ts';

/**
 * Turns the engine's integer arrays back into the output format: assignments in candidate-id
 * order, programs and their reserved groups in input order, then the season's totals.
 */
export function buildMatchingOutput(
  input: MatchingInput,
  keys: CandidateKeys,
  ranking: Ranking,
  model: SeatModel,
  lists: ProposalLists,
  holders: SeatHolders,
): MatchingOutput {
  const { candidates, programs } = input;
  const n = candidates.length;
  const assignments: Assignment[] = new Array(n);
  const programIds = programs.map((p) => p.id);
  const vocationalProgram = Uint8Array.from(programs, (p) => (p.track === 'vocational' ? 1 : 0));
  const { idOrder } = ranking;
  const { held } = holders;
  const { ids, totalKey } = keys;
  let general = 0;
  let vocational = 0;
  for (let i = 0; i < n; i++) {
    const c = idOrder[i]!;
    const entry = held[c]!;
    if (entry < 0) {
      assignments[i] = { candidate: ids[c]!, program: null, seat: null, choice: null };
      continue;
    }
    const s = entrySeat(lists, entry);
    const p = model.seatProgram[s]!;
    if (vocationalProgram[p] === 1) vocational++;
    else general++;
    assignments[i] = {
      candidate: ids[c]!,
      program: programIds[p]!,
      seat: s < model.programCount ? null : model.reservedIds[s - model.programCount]!,
      choice: lists.choice[entry]! + 1,
    };
  }
  const cutoff = (s: number): Cutoff | null => {
    if (holders.size[s] === 0) return null;
    const c = holders.heapCandidate[holders.start[s]!]!;
    return { candidate: ids[c]!, score: totalKey[c]! / SCALE };
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
  return (
    `{\n  "assignments": ${jsonLines(output.assignments)},\n` +
    `  "programs": ${jsonLines(output.programs)},\n` +
    `  "summary": ${JSON.stringify(output.summary)}\n}\n`
  );
}

/**
 * `[\n    item,\n    item\n  ]`, each item as `JSON.stringify(item)`. Stringifying 400,000 items
 * one by one is most of the cost, so the array is stringified once and `},{` — the seam between
 * two object items — becomes a line break. That is exact only when every seam is an item
 * boundary: each item a plain object (its JSON starts with `{` and ends with `}`, the same text
 * in the array as alone) and `},{` found exactly `length − 1` times, so never inside a string.
 * Anything else takes the item-by-item path.
 */
function jsonLines(items: readonly unknown[]): string {
  if (items.length === 0) return '[]';
  let seamsAreBoundaries = true;
  for (let i = 0; i < items.length && seamsAreBoundaries; i++) {
    const item = items[i] as { toJSON?: unknown } | null;
    seamsAreBoundaries =
      typeof item === 'object' && item !== null && !Array.isArray(item) && typeof item.toJSON !== 'function';
  }
  if (seamsAreBoundaries) {
    const text = JSON.stringify(items);
    let seams = 0;
    for (let at = text.indexOf('},{'); at >= 0; at = text.indexOf('},{', at + 3)) seams++;
    if (seams === items.length - 1) return `[\n    ${text.slice(1, -1).replaceAll('},{', '},\n    {')}\n  ]`;
  }
  return `[\n${items.map((item) => `    ${JSON.stringify(item)}`).join(',\n')}\n  ]`;
}
