import type {
  EnrollmentRegistrationStatus,
  EnrollmentRunState,
  EnrollmentSeasonState,
  EnrollmentSex,
  EnrollmentTrack,
} from '@zhijiao/contracts';
import type { ColumnType, Generated } from 'kysely';

/** jsonb: read as the value, written as JSON text. */
type Json<T> = ColumnType<T, string, string>;
/** numeric: read as a number (see database.ts), written as a number. */
type Numeric = ColumnType<number, number, number>;

/** One admission year of one district. `subjects` are the exam's subject keys, in column order. */
export interface EnrollmentSeasonTable {
  id: Generated<string>;
  districtId: string;
  admissionYear: number;
  name: string;
  subjects: Json<Array<{ key: string; name: string }>>;
  tieBreak: Json<string[]>;
  state: EnrollmentSeasonState;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A batch (提前批, 普高批, 中职批, 征集志愿 …) with its preference window. */
export interface EnrollmentBatchTable {
  id: Generated<string>;
  seasonId: string;
  code: string;
  name: string;
  position: number;
  opensAt: Date;
  closesAt: Date;
  maxChoices: number;
}

/** 指标到校: seats of a program reserved for the listed feeder junior high schools. */
export interface ReservedGroup {
  code: string;
  capacity: number;
  schoolIds: string[];
}

/** A 普高's general program or one 中职 major, offered in one batch. */
export interface EnrollmentProgramTable {
  id: Generated<string>;
  seasonId: string;
  batchId: string;
  code: string;
  name: string;
  schoolId: string;
  track: EnrollmentTrack;
  quota: number;
  minScore: ColumnType<number | null, number | null, number | null>;
  requires: Json<{ sex?: EnrollmentSex }>;
  reserved: Json<ReservedGroup[]>;
}

/** One import of the exam office's file; the content hash makes the same file import once. */
export interface EnrollmentImportTable {
  id: Generated<string>;
  seasonId: string;
  contentHash: string;
  fileName: string;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  importedBy: string | null;
  importedAt: Date;
}

/** A candidate (a minor): the ID number only encrypted, found by its blind index, shown masked. */
export interface EnrollmentCandidateTable {
  id: Generated<string>;
  seasonId: string;
  examNumber: string;
  name: string;
  idCipher: string;
  idIndex: string;
  idMasked: string;
  sex: EnrollmentSex;
  schoolId: string;
  scores: Json<Record<string, number>>;
  total: Numeric;
  bonus: Numeric;
  rowHash: string;
  importId: string;
}

/** A candidate's current ordered choices (program ids) in one batch. */
export interface EnrollmentPreferenceTable {
  candidateId: string;
  batchId: string;
  choices: Json<string[]>;
  updatedBy: string | null;
  updatedAt: Date;
}

/** Every change of a candidate's choices: who, when, old and new. */
export interface EnrollmentPreferenceChangeTable {
  id: Generated<string>;
  /** Order of changes (several can share a timestamp). */
  seq: Generated<number>;
  candidateId: string;
  batchId: string;
  oldChoices: ColumnType<string[] | null, string | null, string | null>;
  newChoices: Json<string[]>;
  changedBy: string | null;
  changedAt: Date;
}

/** A matching run of a batch: the engine's exact output text and summary. */
export interface EnrollmentRunTable {
  id: Generated<string>;
  batchId: string;
  jobId: string | null;
  state: EnrollmentRunState;
  inputHash: string;
  output: string;
  summary: Json<Record<string, number>>;
  createdBy: string | null;
  createdAt: Date;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  publishedBy: string | null;
  publishedAt: Date | null;
}

/** Where a candidate was placed by a published run. */
export interface EnrollmentPlacementTable {
  candidateId: string;
  seasonId: string;
  batchId: string;
  runId: string;
  programId: string;
  seat: string | null;
  choice: number;
}

/** 报到: whether a placed candidate actually enrolled at the receiving school. */
export interface EnrollmentRegistrationTable {
  candidateId: string;
  programId: string;
  status: EnrollmentRegistrationStatus;
  reason: string | null;
  recordedBy: string | null;
  recordedAt: Date;
}

/** One public result look-up, kept to rate-limit by client (`ip`: the client key, IPv6 by /64). */
export interface EnrollmentLookupAttemptTable {
  id: Generated<number>;
  ip: string;
  at: Date;
}

/** One failed result look-up of an exam number (`examKey`: keyed hash of season + exam number). */
export interface EnrollmentLookupFailureTable {
  id: Generated<number>;
  examKey: string;
  at: Date;
}

/** Tables of the enrollment module as Kysely sees them (plus the platform's job table, same migration). */
export interface EnrollmentTables {
  enrollmentSeason: EnrollmentSeasonTable;
  enrollmentBatch: EnrollmentBatchTable;
  enrollmentProgram: EnrollmentProgramTable;
  enrollmentImport: EnrollmentImportTable;
  enrollmentCandidate: EnrollmentCandidateTable;
  enrollmentPreference: EnrollmentPreferenceTable;
  enrollmentPreferenceChange: EnrollmentPreferenceChangeTable;
  enrollmentRun: EnrollmentRunTable;
  enrollmentPlacement: EnrollmentPlacementTable;
  enrollmentRegistration: EnrollmentRegistrationTable;
  enrollmentLookupAttempt: EnrollmentLookupAttemptTable;
  enrollmentLookupFailure: EnrollmentLookupFailureTable;
}

// The module's tables join the app's database type: the module that declares a table owns it.
declare module '../../platform/db/database.types.ts' {
  interface Database extends EnrollmentTables {}
}
