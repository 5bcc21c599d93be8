import { describe, expect, it } from 'vitest';
import { matchSeason, validateMatchingInput } from './index.ts';
import type { CandidateInput, MatchingInput, ProgramInput } from './matching.types.ts';

function match(input: MatchingInput) {
  const v = validateMatchingInput(input);
  if (!v.ok) throw new Error(JSON.stringify(v.issues));
  return matchSeason(v.input);
}

/** Where each candidate went, as `program/seat#choice` (`-` for unplaced). */
function placements(input: MatchingInput): Record<string, string> {
  return Object.fromEntries(
    match(input).assignments.map((a) => [
      a.candidate,
      a.program === null ? '-' : `${a.program}${a.seat ? `/${a.seat}` : ''}#${a.choice}`,
    ]),
  );
}

const cand = (id: string, score: number, preferences: string[], extra: Partial<CandidateInput> = {}) => ({
  id,
  score,
  subjects: { math: 100, chinese: 100 },
  preferences,
  ...extra,
});
const prog = (id: string, capacity: number, extra: Partial<ProgramInput> = {}): ProgramInput => ({
  id,
  track: 'general',
  capacity,
  ...extra,
});
const season = (programs: ProgramInput[], candidates: CandidateInput[]): MatchingInput => ({
  tieBreak: ['math', 'chinese'],
  programs,
  candidates,
});

describe('matchSeason', () => {
  it("reproduces issue 4's worked example: C0001 takes P01's reserved seat with their second choice", () => {
    const input: MatchingInput = {
      tieBreak: ['math', 'chinese', 'english'],
      programs: [
        {
          id: 'P01',
          track: 'general',
          capacity: 120,
          minScore: 450,
          reserved: [{ id: 'P01-R1', capacity: 10, schools: ['J03', 'J07'] }],
          requires: { sex: 'F' },
          rankBy: { C0001: 88.5, C0002: 91 },
        },
        { id: 'P02', track: 'vocational', capacity: 30, minScore: 610 },
      ],
      candidates: [
        {
          id: 'C0001',
          score: 598.5,
          bonus: 5,
          school: 'J03',
          sex: 'F',
          subjects: { math: 112, chinese: 105, english: 99 },
          preferences: ['P02', 'P01'],
        },
        {
          id: 'C0002',
          score: 590,
          school: 'J07',
          sex: 'M',
          subjects: { math: 120, chinese: 101, english: 98 },
          preferences: ['P01'],
        },
      ],
    };
    expect(match(input)).toEqual({
      assignments: [
        { candidate: 'C0001', program: 'P01', seat: 'P01-R1', choice: 2 },
        { candidate: 'C0002', program: null, seat: null, choice: null },
      ],
      programs: [
        {
          id: 'P01',
          capacity: 120,
          admitted: 1,
          cutoff: null,
          reserved: [
            { id: 'P01-R1', capacity: 10, admitted: 1, cutoff: { candidate: 'C0001', score: 603.5 } },
          ],
        },
        { id: 'P02', capacity: 30, admitted: 0, cutoff: null, reserved: [] },
      ],
      summary: { candidates: 2, placed: 1, unplaced: 1, general: 1, vocational: 0, vocationalShare: 0 },
    });
  });

  it('breaks equal score + bonus by the tie-break subjects in order, then by candidate id', () => {
    const input = season(
      [prog('A', 2), prog('B', 5)],
      [
        cand('C3', 500, ['A', 'B'], { subjects: { math: 90, chinese: 120 } }),
        cand('C2', 495, ['A', 'B'], { bonus: 5, subjects: { math: 100, chinese: 80 } }),
        cand('C1', 500, ['A', 'B'], { subjects: { math: 100, chinese: 80 } }),
        cand('C4', 500, ['A', 'B'], { subjects: { math: 100, chinese: 81 } }),
      ],
    );
    // C4 wins on chinese; C1 and C2 tie on everything, so the lower id wins; C3 loses on math.
    expect(placements(input)).toEqual({ C1: 'A#1', C2: 'B#2', C3: 'B#2', C4: 'A#1' });
    expect(match(input).programs[0]!.cutoff).toEqual({ candidate: 'C1', score: 500 });
  });

  it('compares scores at 10⁻⁶, so 0.1 + 0.2 ties 0.3 and the id decides', () => {
    const input = season(
      [prog('A', 1), prog('B', 1)],
      [cand('C2', 0.1, ['A', 'B'], { bonus: 0.2 }), cand('C1', 0.3, ['A', 'B'])],
    );
    expect(placements(input)).toEqual({ C1: 'A#1', C2: 'B#2' });
    expect(match(input).programs[1]!.cutoff).toEqual({ candidate: 'C2', score: 0.3 });
  });

  it('ranks a rankBy program by its own scores (ties by tie-break, then id) and passes over candidates absent from it', () => {
    const input = season(
      [prog('S', 2, { track: 'vocational', rankBy: { C1: 70, C2: 95, C3: 80, C4: 80 } }), prog('G', 9)],
      [
        cand('C1', 650, ['S', 'G']),
        cand('C2', 400, ['S', 'G']),
        cand('C3', 420, ['S', 'G'], { subjects: { math: 99, chinese: 100 } }),
        cand('C4', 410, ['S', 'G'], { subjects: { math: 100, chinese: 100 } }),
        cand('C5', 700, ['S', 'G']),
      ],
    );
    // C4 and C3 tie at 80: C4 has the better math although C3 has the better exam score.
    expect(placements(input)).toEqual({ C1: 'G#2', C2: 'S#1', C3: 'G#2', C4: 'S#1', C5: 'G#2' });
    expect(match(input).programs[0]!.cutoff).toEqual({ candidate: 'C4', score: 410 });
  });

  it('lets a rankBy program take back a seat it had given: the displaced candidate moves down their list', () => {
    const input = season(
      [prog('S', 1, { rankBy: { C1: 60, C2: 90 } }), prog('G', 1), prog('H', 1)],
      [cand('C1', 700, ['S', 'G']), cand('C2', 500, ['G', 'S']), cand('C3', 600, ['G', 'H'])],
    );
    // C1 holds S and C3 holds G; C2, refused by G, takes S from C1 (own score 90 > 60); C1 then takes
    // G from C3 (700 > 600), and C3 moves on to H.
    expect(placements(input)).toEqual({ C1: 'G#2', C2: 'S#2', C3: 'H#2' });
  });

  it('requires each listed field to equal the candidate’s, passing over the choice otherwise', () => {
    const input = season(
      [prog('N', 5, { track: 'vocational', requires: { sex: 'F', healthy: true } }), prog('G', 5)],
      [
        cand('C1', 500, ['N', 'G'], { sex: 'F', healthy: true }),
        cand('C2', 600, ['N', 'G'], { sex: 'M', healthy: true }),
        cand('C3', 600, ['N', 'G'], { sex: 'F' }),
      ],
    );
    expect(placements(input)).toEqual({ C1: 'N#1', C2: 'G#2', C3: 'G#2' });
  });

  it('admits from minScore on score + bonus, exactly at the minimum included', () => {
    const input = season(
      [prog('A', 5, { minScore: 450 }), prog('B', 5)],
      [cand('C1', 450, ['A', 'B']), cand('C2', 449.5, ['A', 'B']), cand('C3', 445, ['A', 'B'], { bonus: 5 })],
    );
    expect(placements(input)).toEqual({ C1: 'A#1', C2: 'B#2', C3: 'A#1' });
  });

  it('gives a listed school’s applicant the reserved seats first, then the open seats; others only the open seats', () => {
    const input = season(
      [prog('A', 3, { reserved: [{ id: 'A-R', capacity: 1, schools: ['J1'] }] }), prog('B', 9)],
      [
        cand('C1', 600, ['A', 'B'], { school: 'J1' }),
        cand('C2', 590, ['A', 'B'], { school: 'J1' }),
        cand('C3', 580, ['A', 'B'], { school: 'J2' }),
        cand('C4', 570, ['A', 'B'], { school: 'J1' }),
        cand('C5', 560, ['A', 'B']),
      ],
    );
    // C1 fills the reserved seat; C2 (same school, reserved full) competes for the 2 open seats.
    expect(placements(input)).toEqual({ C1: 'A/A-R#1', C2: 'A#1', C3: 'A#1', C4: 'B#2', C5: 'B#2' });
    const a = match(input).programs[0]!;
    expect(a).toMatchObject({ admitted: 3, cutoff: { candidate: 'C3', score: 580 } });
    expect(a.reserved).toEqual([
      { id: 'A-R', capacity: 1, admitted: 1, cutoff: { candidate: 'C1', score: 600 } },
    ]);
  });

  it('lets a low-scoring reserved-school applicant in on a reserved seat that open competition would deny', () => {
    const input = season(
      [prog('A', 2, { reserved: [{ id: 'A-R', capacity: 1, schools: ['J9'] }] })],
      [cand('C1', 600, ['A']), cand('C2', 590, ['A']), cand('C3', 400, ['A'], { school: 'J9' })],
    );
    expect(placements(input)).toEqual({ C1: 'A#1', C2: '-', C3: 'A/A-R#1' });
  });

  it('leaves unfilled reserved seats empty rather than opening them to others', () => {
    const input = season(
      [prog('A', 3, { reserved: [{ id: 'A-R', capacity: 2, schools: ['J9'] }] })],
      [cand('C1', 600, ['A']), cand('C2', 590, ['A'])],
    );
    expect(placements(input)).toEqual({ C1: 'A#1', C2: '-' });
    expect(match(input).programs[0]!.reserved[0]).toEqual({
      id: 'A-R',
      capacity: 2,
      admitted: 0,
      cutoff: null,
    });
  });

  it('passes over a program of capacity 0 and keeps candidates with no preferences unplaced', () => {
    const input = season(
      [prog('Z', 0, { track: 'vocational' }), prog('B', 1)],
      [cand('C1', 600, ['Z', 'B']), cand('C2', 700, [])],
    );
    const output = match(input);
    expect(placements(input)).toEqual({ C1: 'B#2', C2: '-' });
    expect(output.programs[0]).toEqual({ id: 'Z', capacity: 0, admitted: 0, cutoff: null, reserved: [] });
  });

  it('reports vocational share over placed candidates, 0 when nobody is placed', () => {
    const none = match(season([prog('A', 0)], [cand('C1', 1, ['A'])]));
    expect(none.summary).toEqual({
      candidates: 1,
      placed: 0,
      unplaced: 1,
      general: 0,
      vocational: 0,
      vocationalShare: 0,
    });
    const some = match(
      season(
        [prog('G', 3), prog('V', 1, { track: 'vocational' })],
        [
          cand('C1', 9, ['G']),
          cand('C2', 8, ['G']),
          cand('C3', 7, ['G']),
          cand('C4', 6, ['V']),
          cand('C5', 5, []),
        ],
      ),
    );
    expect(some.summary).toEqual({
      candidates: 5,
      placed: 4,
      unplaced: 1,
      general: 3,
      vocational: 1,
      vocationalShare: 0.25,
    });
    expect(match(season([], [])).summary.vocationalShare).toBe(0);
  });

  it('sorts assignments by candidate id whatever the input order', () => {
    const output = match(
      season(
        [prog('A', 9)],
        ['C10', 'B2', 'C9', 'C1'].map((id) => cand(id, 5, ['A'])),
      ),
    );
    expect(output.assignments.map((a) => a.candidate)).toEqual(['B2', 'C1', 'C10', 'C9']);
  });
});
