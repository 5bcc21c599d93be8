import type { ColumnType, Generated } from 'kysely';
import type {
  CourseCategory,
  MajorStatus,
  NationalStandard,
  ProjectFileStage,
  ProjectKind,
  ProjectLevel,
  ProjectState,
  ResourceLicence,
  ResourceShareState,
  ResourceType,
  TextbookType,
} from '@zhijiao/contracts';

/** One entry of a version of the national 中职 major catalogue. */
export interface MajorCatalogueTable {
  version: string;
  code: string;
  name: string;
  categoryCode: string;
  categoryName: string;
  verified: boolean;
}

/** A major (专业) a school runs, named by a catalogue entry, optionally with a direction (方向). */
export interface MajorTable {
  id: Generated<string>;
  schoolId: string;
  districtId: string;
  catalogueVersion: string;
  catalogueCode: string;
  direction: Generated<string>;
  status: MajorStatus;
  establishedYear: number | null;
  createdAt: Date;
  updatedAt: Date;
}

/** New intake and students enrolled in a major in one school year. */
export interface MajorEnrolmentTable {
  majorId: string;
  year: number;
  intake: number;
  enrolled: number;
}

/** A national standard the major applies, since when. */
export interface MajorStandardTable {
  majorId: string;
  standard: NationalStandard;
  adoptedOn: string;
  note: Generated<string>;
}

export interface CourseTable {
  id: Generated<string>;
  schoolId: string;
  majorId: string | null;
  code: Generated<string>;
  name: string;
  category: CourseCategory;
  hours: number | null;
  createdAt: Date;
  updatedAt: Date;
}

/** An enterprise co-developing a course (共同开发课程), since a year. */
export interface CoursePartnerEnterpriseTable {
  courseId: string;
  enterpriseId: string;
  sinceYear: number;
}

export interface TextbookTable {
  id: Generated<string>;
  courseId: string;
  title: string;
  isbn: Generated<string>;
  publisher: Generated<string>;
  nationalPlanned: boolean;
  textbookType: TextbookType;
  hasDigitalResources: boolean;
  digitalResources: Generated<string>;
  createdAt: Date;
}

/** A recognised project (品牌专业, 精品课程, 名师工作室 …) through its lifecycle. */
export interface ProgramProjectTable {
  id: Generated<string>;
  schoolId: string;
  districtId: string;
  kind: ProjectKind;
  title: string;
  summary: Generated<string>;
  majorId: string | null;
  courseId: string | null;
  /** A teacher of the teachers module (no foreign key: that module owns the table). */
  teacherId: string | null;
  teacherName: Generated<string>;
  state: ProjectState;
  level: ProjectLevel | null;
  averageScore: number | null;
  appliedAt: Date | null;
  approvedOn: string | null;
  midtermOn: string | null;
  closedOn: string | null;
  decisionNote: Generated<string>;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface ProgramProjectFileTable {
  projectId: string;
  fileId: string;
  stage: ProjectFileStage;
}

/** One reviewer's score and opinion; the project's score is their average. */
export interface ProgramProjectScoreTable {
  projectId: string;
  reviewerId: string;
  score: number;
  opinion: string;
  scoredAt: Date;
}

export interface ProgramProjectEventTable {
  id: Generated<number>;
  projectId: string;
  at: Date;
  actorId: string | null;
  action: string;
  comment: string | null;
}

export interface TeachingResourceTable {
  id: Generated<string>;
  schoolId: string;
  districtId: string;
  majorId: string | null;
  courseId: string | null;
  resourceType: ResourceType;
  licence: ResourceLicence;
  title: string;
  description: Generated<string>;
  fileId: string;
  shareState: ResourceShareState;
  sharedOn: string | null;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  refusalReason: string | null;
  searchTitle: string;
  searchText: string;
  titleTerms: ColumnType<string[], string[], string[]>;
  searchTerms: ColumnType<string[], string[], string[]>;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface TeachingResourceUsageTable {
  resourceId: string;
  previews: Generated<number>;
  downloads: Generated<number>;
  lastUsedAt: Date | null;
}

/** A district's recorded settings of this module (e.g. the coverage threshold N). */
export interface ProgramSettingTable {
  districtId: string;
  key: 'resourceCoverageThreshold';
  value: number;
  updatedBy: string | null;
  updatedAt: Date;
}

/** Tables of the programs module as Kysely sees them. */
export interface ProgramTables {
  majorCatalogue: MajorCatalogueTable;
  major: MajorTable;
  majorEnrolment: MajorEnrolmentTable;
  majorStandard: MajorStandardTable;
  course: CourseTable;
  coursePartnerEnterprise: CoursePartnerEnterpriseTable;
  textbook: TextbookTable;
  programProject: ProgramProjectTable;
  programProjectFile: ProgramProjectFileTable;
  programProjectScore: ProgramProjectScoreTable;
  programProjectEvent: ProgramProjectEventTable;
  teachingResource: TeachingResourceTable;
  teachingResourceUsage: TeachingResourceUsageTable;
  programSetting: ProgramSettingTable;
}

// The module's tables join the app's database type: the module that declares a table owns it.
declare module '../../platform/db/database.types.ts' {
  interface Database extends ProgramTables {}
}
