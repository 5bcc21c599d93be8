import type { ColumnType, Generated } from 'kysely';
import type {
  CommitmentState,
  ExtensionState,
  FindingSeverity,
  FindingState,
  FindingSubjectType,
  InspectionKind,
  InspectionScopeType,
  InspectionState,
  OrderState,
  SanctionGround,
  SanctionKind,
} from '@zhijiao/contracts';

type Json<T> = ColumnType<T, string, string>;
type UuidArray = ColumnType<string[], string[] | undefined, string[]>;

/** One scheduled step of an inspection (visit, document review, feedback meeting…). */
export interface ScheduleItem {
  date: string;
  activity: string;
}

export interface InspectionTable {
  id: Generated<string>;
  districtId: string;
  kind: InspectionKind;
  state: InspectionState;
  title: string;
  purpose: string;
  documentNumber: string | null;
  startsOn: string;
  endsOn: string;
  schedule: Json<ScheduleItem[]>;
  conclusion: string;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  completedAt: Date | null;
}

export interface InspectionInspectorTable {
  inspectionId: string;
  userId: string;
  isLead: boolean;
}

export interface InspectionScopeTable {
  inspectionId: string;
  itemType: InspectionScopeType;
  itemId: string;
  label: string;
}

export interface FindingTable {
  id: Generated<string>;
  inspectionId: string;
  districtId: string;
  orgUnitId: string;
  subjectType: FindingSubjectType;
  subjectId: string | null;
  subjectLabel: string;
  /** Snapshot of what the finding rests on (indicator value/target/status, missed reports…). */
  evidence: Json<Record<string, unknown>>;
  title: string;
  description: string;
  severity: FindingSeverity;
  state: FindingState;
  createdBy: string | null;
  createdAt: Date;
}

export interface RectificationOrderTable {
  id: Generated<string>;
  findingId: string;
  inspectionId: string;
  districtId: string;
  orgUnitId: string;
  title: string;
  requirements: string;
  state: OrderState;
  issuedOn: string;
  originalDueDate: string;
  /** The deadline in force (moved by an approved extension). */
  dueDate: string;
  measures: string | null;
  evidenceFileIds: UuidArray;
  answeredAt: Date | null;
  answeredBy: string | null;
  verifiedAt: Date | null;
  verifiedBy: string | null;
  reviewComment: string | null;
  closedOn: string | null;
  closedBy: string | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface RectificationEventTable {
  id: Generated<number>;
  orderId: string;
  at: Date;
  actorId: string | null;
  action: string;
  comment: string | null;
}

export interface RectificationExtensionTable {
  id: Generated<string>;
  orderId: string;
  requestedDueDate: string;
  reason: string;
  state: ExtensionState;
  requestedBy: string | null;
  requestedAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionReason: string | null;
}

export interface InterviewTable {
  id: Generated<string>;
  inspectionId: string;
  districtId: string;
  orgUnitId: string;
  heldOn: string;
  /** Who conducted it (names and posts: personal data, never published). */
  interviewers: string;
  /** Who was interviewed (names and posts: personal data, never published). */
  interviewees: string;
  reason: string;
  findingIds: UuidArray;
  createdBy: string | null;
  createdAt: Date;
}

export interface InterviewCommitmentTable {
  id: Generated<string>;
  interviewId: string;
  position: number;
  text: string;
  dueDate: string | null;
  state: CommitmentState;
  followUp: string | null;
  followedUpAt: Date | null;
  followedUpBy: string | null;
}

export interface SanctionTable {
  id: Generated<string>;
  districtId: string;
  orgUnitId: string;
  inspectionId: string | null;
  kind: SanctionKind;
  year: number;
  points: number;
  title: string;
  ground: SanctionGround;
  groundsText: string;
  refs: Json<Array<{ type: string; id: string }>>;
  decidedOn: string;
  createdBy: string | null;
  createdAt: Date;
}

export interface SupervisionPublicationTable {
  id: Generated<string>;
  inspectionId: string;
  districtId: string;
  title: string;
  kind: string;
  document: Json<unknown>;
  publishedBy: string | null;
  publishedAt: Date;
}

/** Tables of the supervision module as Kysely sees them. */
export interface SupervisionTables {
  inspection: InspectionTable;
  inspectionInspector: InspectionInspectorTable;
  inspectionScope: InspectionScopeTable;
  finding: FindingTable;
  rectificationOrder: RectificationOrderTable;
  rectificationEvent: RectificationEventTable;
  rectificationExtension: RectificationExtensionTable;
  interview: InterviewTable;
  interviewCommitment: InterviewCommitmentTable;
  sanction: SanctionTable;
  supervisionPublication: SupervisionPublicationTable;
}

// The module's tables join the app's database type: the module that declares a table owns it.
declare module '../../platform/db/database.types.ts' {
  interface Database extends SupervisionTables {}
}
