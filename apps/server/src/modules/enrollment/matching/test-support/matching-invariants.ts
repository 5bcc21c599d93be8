import type { MatchingInput, MatchingOutput } from '../matching.types.ts';
import { compareAt, expandedList, virtualSeats } from './reference-matching.ts';

/**
 * Every way `output` breaks issue 4's invariants for `input`, as readable sentences (empty = none).
 *
 * Reserved groups count as separate "virtual programs": a program's open seats (capacity − Σ
 * reserved) and each reserved group, ranking like their program. A candidate's list over them
 * puts their school's group just before the open seats of the same program, and drops programs
 * they are not eligible for. Then, for every candidate c and every virtual seat v that c lists
 * strictly before the seat c got (or anywhere, if c is unplaced):
 * - non-wastefulness: v is full;
 * - no justified envy: everyone admitted to v ranks above c at v's program.
 * Also: no seat over capacity, each candidate exactly once, every assignment on the candidate's
 * own list with the right `choice`, and the program totals and summary add up.
 */
export function invariantViolations(input: MatchingInput, output: MatchingOutput): string[] {
  const problems: string[] = [];
  const seats = virtualSeats(input);
  const byId = new Map(input.candidates.map((c) => [c.id, c]));
  const admitted = new Map<string, string[]>([...seats.keys()].map((k) => [k, []]));
  const seen = new Set<string>();
  for (const a of output.assignments) {
    if (seen.has(a.candidate)) problems.push(`${a.candidate} appears twice`);
    seen.add(a.candidate);
    if (a.program === null) continue;
    const key = `${a.program}|${a.seat ?? ''}`;
    admitted.get(key)?.push(a.candidate);
    const entry = expandedList(input, byId.get(a.candidate)!).find((e) => e.key === key);
    if (!entry) problems.push(`${a.candidate} got ${key}, which is not on their list`);
    else if (entry.choice !== a.choice)
      problems.push(`${a.candidate}: choice ${a.choice}, expected ${entry.choice}`);
  }
  if (seen.size !== input.candidates.length) problems.push('not every candidate is in the assignments');
  for (const [key, list] of admitted) {
    if (list.length > seats.get(key)!.capacity) problems.push(`${key} over capacity`);
  }
  for (const c of input.candidates) {
    const a = output.assignments.find((x) => x.candidate === c.id)!;
    const got = a.program === null ? null : `${a.program}|${a.seat ?? ''}`;
    for (const { key } of expandedList(input, c)) {
      if (key === got) break;
      const seat = seats.get(key)!;
      const holders = admitted.get(key)!;
      if (holders.length < seat.capacity) problems.push(`wasteful: ${c.id} wanted ${key}, which has room`);
      for (const h of holders) {
        if (compareAt(input, seat.program, c, byId.get(h)!) < 0)
          problems.push(`justified envy: ${c.id} ranks above ${h} at ${key}`);
      }
    }
  }
  for (const p of output.programs) {
    const program = input.programs.find((x) => x.id === p.id)!;
    const open = admitted.get(`${p.id}|`)!.length;
    const reserved = p.reserved.reduce((n, g) => n + g.admitted, 0);
    if (p.admitted !== open + reserved || p.admitted > program.capacity)
      problems.push(`${p.id} admitted count wrong`);
    const cutoffOf = (key: string) => {
      const holders = admitted.get(key)!.map((id) => byId.get(id)!);
      const last = holders.sort((x, y) => compareAt(input, program, x, y)).at(-1);
      return last
        ? { candidate: last.id, score: Math.round((last.score + (last.bonus ?? 0)) * 1e6) / 1e6 }
        : null;
    };
    if (JSON.stringify(p.cutoff) !== JSON.stringify(cutoffOf(`${p.id}|`)))
      problems.push(`${p.id} cutoff wrong`);
    for (const g of p.reserved) {
      if (g.admitted !== admitted.get(`${p.id}|${g.id}`)!.length)
        problems.push(`${g.id} admitted count wrong`);
      if (JSON.stringify(g.cutoff) !== JSON.stringify(cutoffOf(`${p.id}|${g.id}`)))
        problems.push(`${g.id} cutoff wrong`);
    }
  }
  const placed = output.assignments.filter((a) => a.program !== null).length;
  if (output.summary.placed !== placed || output.summary.general + output.summary.vocational !== placed)
    problems.push('summary does not add up');
  return problems;
}
