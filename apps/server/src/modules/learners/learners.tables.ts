import type { ColumnType, Generated } from 'kysely';
import type {
  DestinationKind,
  DestinationSource,
  LearnerKind,
  LearnerSource,
  LearnerStatus,
  StudyLevel,
  StudyRoute,
  WorkRegion,
} from '@zhijiao/contracts';

/**
 * One student on a school's register (学籍, migration 0036); the ID number only encrypted (blind
 * index per school, masked copy), the birth date only encrypted.
 */
export interface LearnerTable {
  id: Generated<string>;
  schoolId: string;
  districtId: string;
  /** A student of the school, or a social learner it trains (migration 0044; no major or class). */
  kind: ColumnType<LearnerKind, LearnerKind | undefined, LearnerKind>;
  majorCode: string;
  majorName: string;
  className: string;
  /** 入学年份: the admission year of the enrolment season, or as imported. */
  cohortYear: number;
  name: string;
  idCipher: string;
  idIndex: string;
  idMasked: string;
  sex: 'M' | 'F';
  birthDateCipher: string;
  status: LearnerStatus;
  /** The day the current status took effect (China calendar, `YYYY-MM-DD`). */
  statusSince: string;
  source: LearnerSource;
  /** The enrolment registration (报到) the row was made from (its candidate's id); null when imported. */
  enrollmentRegistrationId: string | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** One line of a learner's status history (append-only): the entry onto the register has no `fromStatus`. */
export interface LearnerStatusChangeTable {
  id: Generated<string>;
  seq: Generated<number>;
  learnerId: string;
  fromStatus: LearnerStatus | null;
  toStatus: LearnerStatus;
  changedOn: string;
  reason: string;
  changedBy: string | null;
  changedAt: Date;
}

/** A graduate's destination (毕业去向, migration 0039): one row per graduate, kept up to date. */
export interface LearnerDestinationTable {
  learnerId: string;
  schoolId: string;
  /** The year of the learner's graduation (the year its 毕业 took effect). */
  graduationYear: number;
  kind: DestinationKind;
  settledOn: string | null;
  employerName: string | null;
  employerUnitId: string | null;
  relevantToMajor: boolean | null;
  monthlyPay: number | null;
  region: WorkRegion | null;
  institutionName: string | null;
  studyLevel: StudyLevel | null;
  studyRoute: StudyRoute | null;
  note: string | null;
  source: DestinationSource;
  recordedBy: string | null;
  recordedAt: Date;
}

/** Tables of the learners module as Kysely sees them. */
export interface LearnerTables {
  learner: LearnerTable;
  learnerStatusChange: LearnerStatusChangeTable;
  learnerDestination: LearnerDestinationTable;
}

// The module's tables join the app's database type: the module that declares a table owns it.
declare module '../../platform/db/database.types.ts' {
  interface Database extends LearnerTables {}
}
