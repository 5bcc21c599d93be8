import type { CandidateInput, MatchingInput, MatchingOutput, ProgramInput } from '../matching.types.ts';

/**
 * Plain, obviously-correct implementations written straight from issue 4's text, to check the
 * optimised engine against: no typed arrays, no precomputed ranks, quadratic where convenient.
 */

const at6 = (x: number) => Math.round(x * 1e6);
const total6 = (c: CandidateInput) => at6(c.score + (c.bonus ?? 0));

/** `a` before `b` at `program` → negative. Own score (or score + bonus), tie-break subjects, id. */
export function compareAt(
  input: MatchingInput,
  program: ProgramInput,
  a: CandidateInput,
  b: CandidateInput,
): number {
  const first = program.rankBy
    ? at6(program.rankBy[b.id]!) - at6(program.rankBy[a.id]!)
    : total6(b) - total6(a);
  if (first !== 0) return first;
  for (const s of input.tieBreak) {
    const d = at6(b.subjects?.[s] ?? 0) - at6(a.subjects?.[s] ?? 0);
    if (d !== 0) return d;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Whether `c` may be admitted to `program` at all. */
export function eligible(program: ProgramInput, c: CandidateInput): boolean {
  if (program.minScore !== undefined && total6(c) < at6(program.minScore)) return false;
  for (const [field, value] of Object.entries(program.requires ?? {})) if (c[field] !== value) return false;
  if (program.rankBy && typeof program.rankBy[c.id] !== 'number') return false;
  return true;
}

/** A seat group: a program's open seats (`seat: null`) or one reserved group. */
export interface VirtualSeat {
  program: ProgramInput;
  seat: string | null;
  capacity: number;
  schools: string[] | null;
}

/** All virtual seats, keyed `program id + '|' + (group id or '')`. */
export function virtualSeats(input: MatchingInput): Map<string, VirtualSeat> {
  const seats = new Map<string, VirtualSeat>();
  for (const program of input.programs) {
    const reserved = (program.reserved ?? []).reduce((n, g) => n + g.capacity, 0);
    seats.set(`${program.id}|`, {
      program,
      seat: null,
      capacity: program.capacity - reserved,
      schools: null,
    });
    for (const g of program.reserved ?? [])
      seats.set(`${program.id}|${g.id}`, { program, seat: g.id, capacity: g.capacity, schools: g.schools });
  }
  return seats;
}

/** A candidate's preferences over virtual seats: reserved group (own school) just before the open seats. */
export function expandedList(
  input: MatchingInput,
  c: CandidateInput,
): Array<{ key: string; choice: number }> {
  const list: Array<{ key: string; choice: number }> = [];
  c.preferences.forEach((id, j) => {
    const program = input.programs.find((p) => p.id === id)!;
    if (!eligible(program, c)) return;
    const group = (program.reserved ?? []).find(
      (g) => c.school !== undefined && g.schools.includes(c.school),
    );
    if (group) list.push({ key: `${program.id}|${group.id}`, choice: j + 1 });
    list.push({ key: `${program.id}|`, choice: j + 1 });
  });
  return list;
}

/** Assignment as (candidate → virtual seat key, choice), the way the references produce them. */
export type ReferenceAssignment = Map<string, { key: string; choice: number } | null>;

/** Textbook candidate-proposing deferred acceptance in rounds, over virtual seats. */
export function referenceDeferredAcceptance(input: MatchingInput): ReferenceAssignment {
  const seats = virtualSeats(input);
  const lists = new Map(input.candidates.map((c) => [c.id, expandedList(input, c)]));
  const next = new Map(input.candidates.map((c) => [c.id, 0]));
  const held = new Map<string, CandidateInput[]>([...seats.keys()].map((k) => [k, []]));
  const current = new Map<string, { key: string; choice: number } | null>();
  let free = input.candidates.slice();
  while (free.length > 0) {
    const proposals = new Map<string, CandidateInput[]>();
    for (const c of free) {
      const i = next.get(c.id)!;
      const entry = lists.get(c.id)![i];
      if (!entry) {
        current.set(c.id, null);
        continue;
      }
      next.set(c.id, i + 1);
      current.set(c.id, entry);
      proposals.set(entry.key, [...(proposals.get(entry.key) ?? []), c]);
    }
    free = [];
    for (const [key, proposers] of proposals) {
      const seat = seats.get(key)!;
      const pool = [...held.get(key)!, ...proposers].sort((a, b) => compareAt(input, seat.program, a, b));
      held.set(key, pool.slice(0, Math.max(0, seat.capacity)));
      free.push(...pool.slice(Math.max(0, seat.capacity)));
    }
  }
  return new Map(input.candidates.map((c) => [c.id, current.get(c.id) ?? null]));
}

/** 平行志愿 as the domain text states it: by score, each takes their first program with room. */
export function referenceSerialDictatorship(input: MatchingInput): ReferenceAssignment {
  const byScore = input.candidates
    .slice()
    .sort((a, b) => compareAt(input, { id: '', track: 'general', capacity: 0 }, a, b));
  const left = new Map(input.programs.map((p) => [p.id, p.capacity]));
  const result: ReferenceAssignment = new Map();
  for (const c of byScore) {
    const j = c.preferences.findIndex((id) => {
      const program = input.programs.find((p) => p.id === id)!;
      return left.get(id)! > 0 && eligible(program, c);
    });
    if (j < 0) {
      result.set(c.id, null);
      continue;
    }
    left.set(c.preferences[j]!, left.get(c.preferences[j]!)! - 1);
    result.set(c.id, { key: `${c.preferences[j]}|`, choice: j + 1 });
  }
  return result;
}

/** The engine's output in the references' terms. */
export function asReference(output: MatchingOutput): ReferenceAssignment {
  return new Map(
    output.assignments.map((a) => [
      a.candidate,
      a.program === null ? null : { key: `${a.program}|${a.seat ?? ''}`, choice: a.choice! },
    ]),
  );
}
