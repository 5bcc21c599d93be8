import type { ColumnType, Generated } from 'kysely';
import type {
  EvaluationGrade,
  EvaluationParty,
  IncidentKind,
  IncidentSeverity,
  InternshipKind,
  PlacementState,
  PostHighRiskWork,
  PostState,
  PostVenue,
  PremiumPayer,
} from '@zhijiao/contracts';

/** numeric columns: written as numbers, read as numbers (the pg type parser maps numeric). */
type Numeric = ColumnType<number, number, number>;
type Texts = ColumnType<string[], string[], string[]>;

/** An internship post (实习岗位) an enterprise publishes. */
export interface InternshipPostTable {
  id: Generated<string>;
  /** The enterprise: an org unit of type `enterprise`. */
  enterpriseId: string;
  districtId: string;
  title: string;
  kind: InternshipKind;
  /** The majors it suits, by name (专业名称). */
  majors: Texts;
  places: number;
  year: number;
  startsOn: string;
  endsOn: string;
  location: string;
  dailyHours: Numeric;
  weeklyHours: Numeric;
  nightWork: boolean;
  overtimeWork: boolean;
  holidayWork: boolean;
  /** The 备案 reference of a special arrangement filed with the supervising department ('' = none). */
  filingReference: Generated<string>;
  venue: PostVenue | null;
  viaAgent: Generated<boolean>;
  labourIntensityClass: 1 | 2 | 3 | 4;
  highRiskWork: ColumnType<PostHighRiskWork[], PostHighRiskWork[], PostHighRiskWork[]>;
  monthlyPay: Numeric;
  sameJobMonthlyWage: Numeric | null;
  lowestWageGrade: Numeric | null;
  staffOnPost: number | null;
  state: PostState;
  publishedOn: string | null;
  closedOn: string | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A placement (实习安排): a school's student on a post, with the documents on file. */
export interface InternshipPlacementTable {
  id: Generated<string>;
  postId: string;
  enterpriseId: string;
  schoolId: string;
  districtId: string;
  studentName: string;
  studentIdCipher: string;
  studentIdIndex: string;
  studentIdMasked: string;
  /** The birth date, encrypted (FieldCrypto): with the masked ID in clear it would give the ID away. */
  birthDateCipher: string;
  /** Whole years at the start date (the lists' age and minor flag, without decrypting). */
  ageAtStart: number;
  sex: 'M' | 'F';
  major: string;
  studyYear: number;
  guardianName: Generated<string>;
  schoolSupervisor: Generated<string>;
  enterpriseMentor: Generated<string>;
  startsOn: string;
  endsOn: string;
  monthlyPay: Numeric;
  agreementFileId: string | null;
  agreementSignedOn: string | null;
  consentFileId: string | null;
  studentConsentOn: string | null;
  guardianConsentOn: string | null;
  insurer: string | null;
  policyNumber: string | null;
  insuranceStartsOn: string | null;
  insuranceEndsOn: string | null;
  premiumPaidBy: Exclude<PremiumPayer, 'student'> | null;
  insuranceFileId: string | null;
  state: PlacementState;
  activatedOn: string | null;
  endedOn: string | null;
  endNote: Generated<string>;
  /** The overall result the completion kept (placement-life.rules.ts, `overallResult`). */
  result: EvaluationGrade | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface InternshipPlacementEventTable {
  id: Generated<number>;
  placementId: string;
  at: Date;
  actorId: string | null;
  action: string;
  comment: string | null;
}

/** One entry of an intern's attendance log (考勤), China time. */
export interface InternshipAttendanceTable {
  id: Generated<string>;
  placementId: string;
  workDate: string;
  startsAt: Date;
  endsAt: Date;
  /** The keeper marks a statutory holiday (法定节假日): the State Council's calendar is not data here yet. */
  holiday: Generated<boolean>;
  note: Generated<string>;
  recordedBy: string | null;
  recordedAt: Date;
}

/**
 * An incident report (实习安全事故/事件) on a placement, filed by the school or the host enterprise.
 * `insurer` and `policyNumber` copy the policy on file that covered the day (null: none did).
 * The description may name health details: it is read by those who see the placement only.
 */
export interface InternshipIncidentTable {
  id: Generated<string>;
  placementId: string;
  occurredAt: Date;
  kind: IncidentKind;
  severity: IncidentSeverity;
  description: string;
  measures: Generated<string>;
  insurer: string | null;
  policyNumber: string | null;
  insurerNotifiedAt: Date | null;
  claimReference: Generated<string>;
  reportedByParty: EvaluationParty;
  reportedBy: string | null;
  reportedAt: Date;
  updatedAt: Date;
}

/** A file attached to an incident report (photos, the medical record, the insurer's receipt). */
export interface InternshipIncidentFileTable {
  incidentId: string;
  fileId: string;
}

/** One of a placement's two evaluations (实习考核): the school supervisor's or the enterprise mentor's. */
export interface InternshipEvaluationTable {
  placementId: string;
  party: EvaluationParty;
  grade: EvaluationGrade;
  comments: Generated<string>;
  evaluatedOn: string;
  recordedBy: string | null;
  recordedAt: Date;
}

/** Tables of the internships module as Kysely sees them. */
export interface InternshipTables {
  internshipPost: InternshipPostTable;
  internshipPlacement: InternshipPlacementTable;
  internshipPlacementEvent: InternshipPlacementEventTable;
  internshipAttendance: InternshipAttendanceTable;
  internshipIncident: InternshipIncidentTable;
  internshipIncidentFile: InternshipIncidentFileTable;
  internshipEvaluation: InternshipEvaluationTable;
}

// The module's tables join the app's database type: the module that declares a table owns it.
declare module '../../platform/db/database.types.ts' {
  interface Database extends InternshipTables {}
}
