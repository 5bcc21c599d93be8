/**
 * The matching engine's input and output, exactly the JSON that `zhijiao enrollment match` reads
 * and writes (issue 4). Scores are compared at a precision of 10⁻⁶, so `0.1 + 0.2` ties `0.3`.
 */

/** The two tracks whose placements make up 职普比. */
export const TRACKS = ['general', 'vocational'] as const;
export type Track = (typeof TRACKS)[number];

/** A value a program's `requires` may demand of a candidate field (strict equality). */
export type RequiredValue = string | number | boolean;

/** 指标到校: seats of a program reserved for applicants from the listed junior high schools. */
export interface ReservedGroupInput {
  /** Unique among all reserved groups of the season; reported as the assignment's `seat`. */
  id: string;
  capacity: number;
  /** Junior high school codes (the candidates' `school`). */
  schools: string[];
}

/** One program: a 普高's general program or one major of a 中职 school. */
export interface ProgramInput {
  id: string;
  /** A human label; carried for the reader, ignored by the engine. */
  name?: string;
  track: Track;
  /** All seats, reserved ones included; open seats = capacity − Σ reserved capacities. */
  capacity: number;
  /** Lowest `score + bonus` admitted at all. */
  minScore?: number;
  reserved?: ReservedGroupInput[];
  /** Candidate fields that must equal these values, e.g. `{ "sex": "F" }`. */
  requires?: Record<string, RequiredValue>;
  /** The program's own scores (e.g. a skills test); candidates absent here are not eligible. */
  rankBy?: Record<string, number>;
}

/** One candidate of the batch, as the exam office exports them. */
export interface CandidateInput {
  id: string;
  score: number;
  /** 政策照顾分; 0 when absent. */
  bonus?: number;
  /** The candidate's junior high school, for reserved seats. */
  school?: string;
  subjects: Record<string, number>;
  /** Program ids, most wanted first. */
  preferences: string[];
  /** Further fields (sex, health …) that programs may `require`. */
  [field: string]: unknown;
}

/** A season (one batch) to match. */
export interface MatchingInput {
  /** Subjects breaking ties of `score + bonus`, in order; a higher subject score ranks first. */
  tieBreak: string[];
  programs: ProgramInput[];
  candidates: CandidateInput[];
}

/** Where a candidate ended up; all three fields are `null` for an unplaced candidate. */
export interface Assignment {
  candidate: string;
  program: string | null;
  /** The reserved group's id, or `null` for an open seat. */
  seat: string | null;
  /** 1-based position of `program` in the candidate's preferences. */
  choice: number | null;
}

/** The lowest-ranked admitted candidate of a seat group, with their `score + bonus`. */
export interface Cutoff {
  candidate: string;
  score: number;
}

/** How one reserved group filled. */
export interface ReservedGroupResult {
  id: string;
  capacity: number;
  admitted: number;
  cutoff: Cutoff | null;
}

/** How one program filled; `admitted` counts open and reserved seats, `cutoff` the open seats. */
export interface ProgramResult {
  id: string;
  capacity: number;
  admitted: number;
  cutoff: Cutoff | null;
  reserved: ReservedGroupResult[];
}

/** Season totals; `vocationalShare` = vocational / (general + vocational), 0 when nobody is placed. */
export interface MatchingSummary {
  candidates: number;
  placed: number;
  unplaced: number;
  general: number;
  vocational: number;
  vocationalShare: number;
}

/** The engine's answer: assignments sorted by candidate id, programs in input order. */
export interface MatchingOutput {
  assignments: Assignment[];
  programs: ProgramResult[];
  summary: MatchingSummary;
}

/** One problem of an input, with its JSON path (`$.candidates[3].preferences[1]`). */
export interface MatchingIssue {
  path: string;
  code: string;
  message: string;
  messageEn: string;
}

/** Result of validating raw (parsed JSON) input: the typed input, or every problem found. */
export type MatchingValidation = { ok: true; input: MatchingInput } | { ok: false; issues: MatchingIssue[] };
