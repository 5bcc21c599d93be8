import type { ColumnType, Generated } from 'kysely';
import type {
  AgreementState,
  ApprenticeshipScheme,
  ApprenticeshipState,
  CentreKind,
  CentreProjectKind,
  CentreState,
  CooperationScope,
} from '@zhijiao/contracts';

type Numeric = ColumnType<number, number, number>;
type Texts = ColumnType<string[], string[], string[]>;

/** A school–enterprise cooperation agreement (校企合作协议); expiry is read from `endsOn`. */
export interface CooperationAgreementTable {
  id: Generated<string>;
  /** The vocational school (an org unit of type `school`). */
  schoolId: string;
  /** The enterprise (an org unit of type `enterprise`, as in the enterprise register). */
  enterpriseId: string;
  districtId: string;
  title: string;
  startsOn: string;
  endsOn: string;
  scopes: ColumnType<CooperationScope[], CooperationScope[], CooperationScope[]>;
  summary: Generated<string>;
  signedOn: string | null;
  agreementFileId: string | null;
  state: AgreementState;
  terminatedOn: string | null;
  terminationReason: Generated<string>;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * An apprenticeship programme (学徒制项目) under an agreement. Apprentices are counted, not named:
 * Zhijiao has no learner register yet, and a count is all the plan and the certification read.
 */
export interface ApprenticeshipTable {
  id: Generated<string>;
  agreementId: string;
  schoolId: string;
  enterpriseId: string;
  districtId: string;
  scheme: ApprenticeshipScheme;
  title: string;
  /** The major (现代学徒制) or the occupation (企业新型学徒制) trained for. */
  occupation: string;
  startsOn: string;
  endsOn: string;
  apprenticeCount: number;
  schoolMentors: Texts;
  enterpriseMentors: Texts;
  planSummary: Generated<string>;
  planFileId: string | null;
  state: ApprenticeshipState;
  schoolApprovedOn: string | null;
  enterpriseApprovedOn: string | null;
  completedOn: string | null;
  terminatedOn: string | null;
  completedCount: number | null;
  endNote: Generated<string>;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** One stage of an apprenticeship's training plan (培养阶段), in order, with its completion. */
export interface ApprenticeshipStageTable {
  id: Generated<string>;
  apprenticeshipId: string;
  seq: number;
  title: string;
  plannedEndOn: string;
  completedOn: string | null;
  note: Generated<string>;
}

export interface ApprenticeshipEventTable {
  id: Generated<number>;
  apprenticeshipId: string;
  at: Date;
  actorId: string | null;
  /** The unit the actor acted for at the step (migration 0035; older rows back-filled). */
  actorUnitId: string | null;
  action: string;
  comment: string | null;
}

/** An 应用技术协同创新中心 or a 教学工厂 (引企入校) a school runs with partner enterprises. */
export interface CooperationCentreTable {
  id: Generated<string>;
  kind: CentreKind;
  name: string;
  schoolId: string;
  districtId: string;
  partnerIds: ColumnType<string[], string[] | undefined, string[]>;
  /** The technical field or trade (技术领域 / 生产项目). */
  field: Generated<string>;
  openedOn: string;
  state: CentreState;
  closedOn: string | null;
  closeReason: Generated<string>;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A project of a centre or factory, with what it counts (staff trained, value in yuan). */
export interface CooperationCentreProjectTable {
  id: Generated<string>;
  centreId: string;
  kind: CentreProjectKind;
  title: string;
  /** The partner enterprise the project is with (null: all the centre's partners). */
  enterpriseId: string | null;
  startsOn: string;
  endsOn: string | null;
  staffTrained: number | null;
  studentsTrained: number | null;
  valueYuan: Numeric | null;
  note: Generated<string>;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Tables of the cooperation module as Kysely sees them. */
export interface CooperationTables {
  cooperationAgreement: CooperationAgreementTable;
  apprenticeship: ApprenticeshipTable;
  apprenticeshipStage: ApprenticeshipStageTable;
  apprenticeshipEvent: ApprenticeshipEventTable;
  cooperationCentre: CooperationCentreTable;
  cooperationCentreProject: CooperationCentreProjectTable;
}

// The module's tables join the app's database type: the module that declares a table owns it.
declare module '../../platform/db/database.types.ts' {
  interface Database extends CooperationTables {}
}
