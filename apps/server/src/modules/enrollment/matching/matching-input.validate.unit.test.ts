import { describe, expect, it } from 'vitest';
import { validateMatchingInput } from './matching-input.validate.ts';

/** A valid season to break one field at a time. */
function season(): Record<string, unknown> & {
  programs: Array<Record<string, unknown>>;
  candidates: Array<Record<string, unknown>>;
} {
  return {
    tieBreak: ['math', 'english'],
    programs: [
      {
        id: 'P01',
        track: 'general',
        capacity: 10,
        reserved: [{ id: 'P01-R1', capacity: 2, schools: ['J1'] }],
      },
      { id: 'P02', track: 'vocational', capacity: 5, rankBy: { C1: 80 }, requires: { sex: 'F' } },
    ],
    candidates: [
      {
        id: 'C1',
        score: 500,
        bonus: 5,
        school: 'J1',
        subjects: { math: 90, english: 80 },
        preferences: ['P01', 'P02'],
      },
      { id: 'C2', score: 480.5, subjects: { math: 95, english: 70 }, preferences: ['P02'] },
    ],
  };
}

/** The (path, code) pairs of the issues of an input. */
function problems(input: unknown): Array<[string, string]> {
  const v = validateMatchingInput(input);
  return v.ok ? [] : v.issues.map((i) => [i.path, i.code]);
}

describe('validateMatchingInput', () => {
  it('accepts a valid season and hands back the same object', () => {
    const input = season();
    expect(validateMatchingInput(input)).toEqual({ ok: true, input });
  });

  it('refuses input that is not an object', () => {
    expect(problems([])).toEqual([['$', 'MATCHING_INVALID_TYPE']]);
    expect(problems(null)).toEqual([['$', 'MATCHING_INVALID_TYPE']]);
  });

  it('names missing top-level lists and unknown top-level fields', () => {
    expect(problems({ programs: [], extra: 1 })).toEqual([
      ['$.extra', 'MATCHING_UNKNOWN_FIELD'],
      ['$.tieBreak', 'MATCHING_FIELD_REQUIRED'],
      ['$.candidates', 'MATCHING_FIELD_REQUIRED'],
    ]);
  });

  it('refuses a tie-break subject listed twice', () => {
    expect(problems({ ...season(), tieBreak: ['math', 'math'] })).toEqual([
      ['$.tieBreak[1]', 'MATCHING_DUPLICATE_SUBJECT'],
    ]);
  });

  it('refuses an unknown program in a preference, at the preference’s path', () => {
    const input = season();
    input.candidates[1]!.preferences = ['P02', 'P99'];
    expect(problems(input)).toEqual([['$.candidates[1].preferences[1]', 'MATCHING_UNKNOWN_PROGRAM']]);
  });

  it('refuses a preference listed twice, at the second listing', () => {
    const input = season();
    input.candidates[0]!.preferences = ['P01', 'P02', 'P01'];
    const v = validateMatchingInput(input);
    expect(v.ok ? [] : v.issues).toEqual([
      {
        path: '$.candidates[0].preferences[2]',
        code: 'MATCHING_DUPLICATE_PREFERENCE',
        message: '招生计划“P01”在志愿中重复填报，首次出现于 $.candidates[0].preferences[0]',
        messageEn:
          "Program 'P01' is listed twice in the preferences; first at $.candidates[0].preferences[0]",
      },
    ]);
  });

  it('refuses duplicate program, reserved-group and candidate ids', () => {
    const input = season();
    input.programs.push({
      id: 'P01',
      track: 'general',
      capacity: 1,
      reserved: [{ id: 'P01-R1', capacity: 1, schools: ['J2'] }],
    });
    input.candidates.push({ id: 'C1', score: 1, subjects: { math: 1, english: 1 }, preferences: [] });
    expect(problems(input)).toEqual([
      ['$.programs[2].id', 'MATCHING_DUPLICATE_ID'],
      ['$.programs[2].reserved[0].id', 'MATCHING_DUPLICATE_ID'],
      ['$.candidates[2].id', 'MATCHING_DUPLICATE_ID'],
    ]);
  });

  it('refuses negative, fractional and missing capacities', () => {
    const input = season();
    input.programs[0]!.capacity = -1;
    input.programs[0]!.reserved = [{ id: 'P01-R1', capacity: 1.5, schools: ['J1'] }];
    delete input.programs[1]!.capacity;
    expect(problems(input)).toEqual([
      ['$.programs[0].capacity', 'MATCHING_NEGATIVE_CAPACITY'],
      ['$.programs[0].reserved[0].capacity', 'MATCHING_NOT_INTEGER'],
      ['$.programs[1].capacity', 'MATCHING_FIELD_REQUIRED'],
    ]);
  });

  it('refuses reserved seats that add up to more than the capacity', () => {
    const input = season();
    input.programs[0]!.reserved = [
      { id: 'R1', capacity: 6, schools: ['J1'] },
      { id: 'R2', capacity: 5, schools: ['J2'] },
    ];
    expect(problems(input)).toEqual([['$.programs[0].reserved', 'MATCHING_RESERVED_OVER_CAPACITY']]);
  });

  it('refuses a school listed in two reserved groups of one program (but not across programs)', () => {
    const input = season();
    input.programs[0]!.reserved = [
      { id: 'R1', capacity: 1, schools: ['J1', 'J2'] },
      { id: 'R2', capacity: 1, schools: ['J3', 'J2'] },
    ];
    input.programs[1]!.reserved = [{ id: 'R3', capacity: 1, schools: ['J2'] }];
    expect(problems(input)).toEqual([
      ['$.programs[0].reserved[1].schools[1]', 'MATCHING_SCHOOL_IN_TWO_GROUPS'],
    ]);
  });

  it('refuses non-numeric scores: score, bonus, subjects, minScore and rankBy', () => {
    const input = season();
    input.candidates[0]!.score = '500';
    input.candidates[0]!.bonus = null;
    input.candidates[1]!.subjects = { math: 'A', english: 70, art: Number.NaN };
    input.programs[0]!.minScore = '450';
    input.programs[1]!.rankBy = { C1: true };
    expect(problems(input)).toEqual([
      ['$.programs[0].minScore', 'MATCHING_NOT_A_NUMBER'],
      ['$.programs[1].rankBy.C1', 'MATCHING_NOT_A_NUMBER'],
      ['$.candidates[0].score', 'MATCHING_NOT_A_NUMBER'],
      ['$.candidates[0].bonus', 'MATCHING_NOT_A_NUMBER'],
      ['$.candidates[1].subjects.math', 'MATCHING_NOT_A_NUMBER'],
      ['$.candidates[1].subjects.art', 'MATCHING_NOT_A_NUMBER'],
    ]);
  });

  it('refuses a candidate missing a tie-break subject, or without a score', () => {
    const input = season();
    input.candidates[1]!.subjects = { math: 95 };
    delete input.candidates[0]!.subjects;
    delete input.candidates[0]!.score;
    expect(problems(input)).toEqual([
      ['$.candidates[0].score', 'MATCHING_FIELD_REQUIRED'],
      ['$.candidates[0].subjects.math', 'MATCHING_TIE_BREAK_SUBJECT_MISSING'],
      ['$.candidates[0].subjects.english', 'MATCHING_TIE_BREAK_SUBJECT_MISSING'],
      ['$.candidates[1].subjects.english', 'MATCHING_TIE_BREAK_SUBJECT_MISSING'],
    ]);
  });

  it('refuses a rankBy entry for a candidate not in the batch, with a bracketed path for an odd key', () => {
    const input = season();
    input.programs[1]!.rankBy = { C1: 80, 'C-9': 70 };
    expect(problems(input)).toEqual([['$.programs[1].rankBy["C-9"]', 'MATCHING_UNKNOWN_CANDIDATE']]);
  });

  it('refuses an unknown track, a misspelt program field and a non-scalar requirement', () => {
    const input = season();
    input.programs[0]!.track = 'technical';
    input.programs[0]!.minscore = 400;
    input.programs[1]!.requires = { sex: ['F'] };
    expect(problems(input)).toEqual([
      ['$.programs[0].minscore', 'MATCHING_UNKNOWN_FIELD'],
      ['$.programs[0].track', 'MATCHING_INVALID_VALUE'],
      ['$.programs[1].requires.sex', 'MATCHING_INVALID_TYPE'],
    ]);
  });

  it('refuses ids and preferences that are not non-empty strings', () => {
    const input = season();
    input.programs[1]!.id = '';
    input.candidates[0]!.id = 7;
    input.candidates[1]!.preferences = 'P02';
    input.candidates[0]!.preferences = ['P01', 2];
    expect(problems(input)).toEqual([
      ['$.programs[1].id', 'MATCHING_INVALID_TYPE'],
      // C1 no longer exists once its id is a number.
      ['$.programs[1].rankBy.C1', 'MATCHING_UNKNOWN_CANDIDATE'],
      ['$.candidates[0].id', 'MATCHING_INVALID_TYPE'],
      ['$.candidates[0].preferences[1]', 'MATCHING_INVALID_TYPE'],
      ['$.candidates[1].preferences', 'MATCHING_INVALID_TYPE'],
    ]);
  });

  it('lists every problem of a file in one go, in document order, each in Chinese and English', () => {
    const input = season();
    input.programs[0]!.capacity = -3;
    input.candidates[0]!.preferences = ['P01', 'P01', 'P404'];
    input.candidates[1]!.score = 'n/a';
    const v = validateMatchingInput(input);
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.issues.map((i) => i.path)).toEqual([
      '$.programs[0].capacity',
      '$.candidates[0].preferences[1]',
      '$.candidates[0].preferences[2]',
      '$.candidates[1].score',
    ]);
    for (const i of v.issues) {
      expect(i.message).toMatch(/[\u4e00-\u9fff]/);
      expect(i.messageEn).toMatch(/^[\x20-\x7e]+$/);
    }
  });
});
