import type { ColumnType, Generated } from 'kysely';
import type {
  CertificateKind,
  DqApplicationState,
  DqLevel,
  EducationLevel,
  ProfessionalTitle,
  SkillLevel,
  TeacherSeries,
} from '@zhijiao/contracts';
import type { CriteriaCheck, DqCriteriaConfig } from './criteria.rules.ts';

type Json<T> = ColumnType<T, string, string>;
type UuidArray = ColumnType<string[], string[] | undefined, string[]>;

/** One teacher on a school's register; ID number, phone and birth date only encrypted (ID indexed and masked). */
export interface TeacherTable {
  id: Generated<string>;
  schoolId: string;
  districtId: string;
  name: string;
  /** The name's pinyin sort key (`sortKey` in platform/text), compared as bytes; written with the name. */
  nameSortKey: string;
  idCipher: string;
  idIndex: string;
  idMasked: string;
  sex: 'M' | 'F';
  /**
   * The birth date, encrypted (FieldCrypto): the masked ID hides exactly the birth date, so the two
   * side by side in clear would be the whole ID number.
   */
  birthDateCipher: string;
  /** The year of birth, in clear for the list's age and its sort (4 of the 8 hidden digits). */
  birthYear: number;
  phoneCipher: string | null;
  phoneMasked: string | null;
  education: EducationLevel;
  professionalTitle: ProfessionalTitle;
  post: string;
  series: TeacherSeries;
  internshipInstructor: boolean;
  hireDate: string;
  /** First day no longer employed (null while employed). */
  leaveDate: string | null;
  /** Hash of the last imported row, so importing the same row again changes nothing. */
  rowHash: Generated<string>;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface TeacherMajorTable {
  teacherId: string;
  majorCode: string;
  majorName: string;
}

/** A period in which the teacher teaches 专业课 (both ends inclusive; open while `endsOn` is null). */
export interface TeacherSpecialisedPeriodTable {
  id: Generated<string>;
  teacherId: string;
  startsOn: string;
  endsOn: string | null;
}

export interface TeacherWorkExperienceTable {
  id: Generated<string>;
  teacherId: string;
  position: number;
  employer: string;
  industry: string;
  job: string;
  startsOn: string;
  endsOn: string | null;
}

export interface TeacherCertificateTable {
  id: Generated<string>;
  teacherId: string;
  position: number;
  kind: CertificateKind;
  name: string;
  level: SkillLevel | null;
  issuer: string;
  certificateNo: string;
  issuedOn: string;
}

/** Hours of 企业实践 in one calendar year. */
export interface TeacherPracticeTable {
  teacherId: string;
  year: number;
  hours: number;
  enterprise: string;
}

export interface DqApplicationTable {
  id: Generated<string>;
  teacherId: string;
  schoolId: string;
  districtId: string;
  level: DqLevel;
  state: DqApplicationState;
  statement: string;
  evidenceFileIds: UuidArray;
  /** The criteria as evaluated at the last submission (the reviewer also sees them live). */
  criteria: Json<CriteriaCheck[]>;
  submittedBy: string | null;
  submittedAt: Date;
  schoolReviewedBy: string | null;
  schoolReviewedAt: Date | null;
  schoolComment: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionReason: string | null;
  updatedAt: Date;
}

export interface DqApplicationEventTable {
  id: Generated<number>;
  applicationId: string;
  at: Date;
  actorId: string | null;
  action: string;
  comment: string | null;
}

/** A 双师型 recognition: from an approved application, or recorded from before the system. */
export interface DqRecognitionTable {
  id: Generated<string>;
  teacherId: string;
  applicationId: string | null;
  level: DqLevel;
  certifyingBody: string;
  recognisedOn: string;
  validFrom: string;
  validUntil: string;
  certificateNo: string;
  recordedBy: string | null;
  recordedAt: Date;
}

export interface TeacherHireExceptionTable {
  teacherId: string;
  reason: string;
  grantedBy: string | null;
  grantedAt: Date;
}

/** Per-district settings: whether part-time teachers count in the ratio; criteria overrides. */
export interface TeacherSettingTable {
  districtId: string;
  countPartTime: boolean;
  criteria: ColumnType<DqCriteriaConfig | null, string | null, string | null>;
  updatedBy: string | null;
  updatedAt: Date;
}

export interface TeacherImportTable {
  id: Generated<string>;
  orgUnitId: string;
  contentHash: string;
  fileName: string;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  importedBy: string | null;
  importedAt: Date;
}

/** Tables of the teachers module as Kysely sees them. */
export interface TeacherTables {
  teacher: TeacherTable;
  teacherMajor: TeacherMajorTable;
  teacherSpecialisedPeriod: TeacherSpecialisedPeriodTable;
  teacherWorkExperience: TeacherWorkExperienceTable;
  teacherCertificate: TeacherCertificateTable;
  teacherPractice: TeacherPracticeTable;
  dqApplication: DqApplicationTable;
  dqApplicationEvent: DqApplicationEventTable;
  dqRecognition: DqRecognitionTable;
  teacherHireException: TeacherHireExceptionTable;
  teacherSetting: TeacherSettingTable;
  teacherImport: TeacherImportTable;
}

// The module's tables join the app's database type: the module that declares a table owns it.
declare module '../../platform/db/database.types.ts' {
  interface Database extends TeacherTables {}
}
