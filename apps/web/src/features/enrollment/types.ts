/**
 * Shapes of the enrolment (统一招生) API's answers, as `apps/server/src/modules/enrollment/
 * enrollment.schema.ts`, `results.schema.ts` and `simulation.schema.ts` declare them. No shape here
 * carries an ID number except masked (`idMasked`).
 */
import type {
  EnrollmentRegistrationStatus,
  EnrollmentRunState,
  EnrollmentSeasonState,
  EnrollmentSex,
  EnrollmentTrack,
  JobState,
} from '@zhijiao/contracts';
import type { UnitRef } from '@/lib/api-types';

export interface SeasonAbilities {
  manage: boolean;
  fillPreferences: boolean;
  register: boolean;
}

export interface Subject {
  key: string;
  name: string;
}

export interface SeasonSummary {
  id: string;
  admissionYear: number;
  name: string;
  subjects: Subject[];
  tieBreak: string[];
  state: EnrollmentSeasonState;
  districtId: string;
  abilities: SeasonAbilities;
}

/** A batch's preference window right now. */
export type WindowState = 'not_open' | 'open' | 'closed';

export interface Batch {
  id: string;
  code: string;
  name: string;
  position: number;
  opensAt: string;
  closesAt: string;
  maxChoices: number;
  window: WindowState;
  published: boolean;
}

export interface ReservedGroup {
  code: string;
  capacity: number;
  schoolIds: string[];
}

export interface Program {
  id: string;
  code: string;
  name: string;
  batchId: string;
  school: UnitRef;
  track: EnrollmentTrack;
  quota: number;
  minScore: number | null;
  requires: { sex?: EnrollmentSex };
  reserved: ReservedGroup[];
}

export interface SeasonDetail extends SeasonSummary {
  batches: Batch[];
  programs: Program[];
}

export interface Candidate {
  id: string;
  examNumber: string;
  name: string;
  idMasked: string;
  sex: EnrollmentSex;
  school: UnitRef;
  scores: Record<string, number>;
  total: number;
  bonus: number;
}

export interface ImportResult {
  importId: string;
  repeated: boolean;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
}

/** One problem of a refused import: Excel row, column, code and message in both languages. */
export interface RowProblem {
  row?: number;
  field: string;
  code: string;
  message: string;
  messageEn?: string;
}

export interface PreferenceChange {
  at: string;
  by: string | null;
  old: string[] | null;
  new: string[];
}

export interface BatchPreferences {
  batchId: string;
  choices: { programId: string; code: string; name: string }[];
  locked: boolean;
  history: PreferenceChange[];
}

export interface Preferences {
  candidate: Candidate;
  batches: BatchPreferences[];
  abilities: { edit: boolean };
}

export interface MatchSummary {
  candidates: number;
  placed: number;
  unplaced: number;
  general: number;
  vocational: number;
  vocationalShare: number;
}

export interface Run {
  id: string;
  batchId: string;
  state: EnrollmentRunState;
  inputHash: string;
  summary: MatchSummary;
  createdAt: string;
  reviewedAt: string | null;
  publishedAt: string | null;
  abilities: { review: boolean; publish: boolean };
}

export interface Cutoff {
  candidate: string;
  score: number;
}

/** The engine's output as stored with a run (candidates by exam number only). */
export interface MatchOutput {
  assignments: { candidate: string; program: string | null; seat: string | null; choice: number | null }[];
  programs: {
    id: string;
    capacity: number;
    admitted: number;
    cutoff: Cutoff | null;
    reserved: { id: string; capacity: number; admitted: number; cutoff: Cutoff | null }[];
  }[];
  summary: MatchSummary;
}

export interface RunDetail {
  run: Run;
  output: string;
}

export interface Job {
  id: string;
  kind: string;
  state: JobState;
  progress: number;
  result: unknown;
  error: { code: string; message: string; messageEn: string } | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface Admission {
  candidateId: string;
  examNumber: string;
  name: string;
  idMasked: string;
  sex: EnrollmentSex;
  juniorHigh: string;
  program: { id: string; code: string; name: string };
  score: number;
  choice: number;
  seat: string | null;
  registration: {
    status: EnrollmentRegistrationStatus;
    reason: string | null;
    recordedAt: string;
  } | null;
}

export interface SimulatedProgram {
  programId: string;
  batchId: string;
  code: string;
  name: string;
  school: string;
  track: EnrollmentTrack;
  quota: number;
  reserved: number;
  admitted: number;
  fillRate: number;
  cutoff: number | null;
}

export interface Projection {
  summary: MatchSummary;
  batches: { batchId: string; summary: MatchSummary }[];
  programs: SimulatedProgram[];
}

export interface Simulation {
  source: { seasonId: string; name: string; admissionYear: number };
  batches: { id: string; code: string; name: string; sourceBatch: string | null }[];
  current: Projection;
  scenario: Projection;
}

export interface PublicSeason {
  id: string;
  name: string;
  admissionYear: number;
  district: string;
  publishedBatches: number;
}

export interface LookupResult {
  examNumber: string;
  name: string;
  status: 'admitted' | 'not_admitted' | 'pending';
  admission: {
    batch: string;
    program: string;
    programCode: string;
    school: string;
    track: EnrollmentTrack;
    choice: number;
  } | null;
  why: {
    batch: string;
    choice: number;
    programCode: string;
    program: string;
    school: string;
    cutoff: number | null;
  }[];
}

export interface PublicCutoffs {
  season: { id: string; name: string; admissionYear: number };
  programs: {
    batch: string;
    code: string;
    name: string;
    school: string;
    track: EnrollmentTrack;
    quota: number;
    admitted: number;
    fillRate: number;
    cutoff: number | null;
  }[];
}
