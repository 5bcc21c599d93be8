import type { ColumnType, Generated } from 'kysely';
import type {
  TrainingBaseKind,
  TrainingBaseStatus,
  TrainingSessionPurpose,
  TrainingSessionState,
  VetGroupMemberKind,
  VetGroupRole,
  VetProgrammeKind,
} from '@zhijiao/contracts';

type Numeric = ColumnType<number, number, number>;
type Texts = ColumnType<string[], string[], string[]>;

/** A training base (实训基地): at an enterprise (high-level) or a vocational school. */
export interface TrainingBaseTable {
  id: Generated<string>;
  districtId: string;
  name: string;
  kind: TrainingBaseKind;
  /** The unit that owns it: an enterprise (high-level) or a vocational school (in-school, co-built). */
  ownerId: string;
  majors: Texts;
  /** Stations (工位) usable at the same time: the capacity of every time slot. */
  capacity: number;
  location: Generated<string>;
  status: TrainingBaseStatus;
  plannedOn: string | null;
  constructionStartedOn: string | null;
  /** The day it came into operation (建成运行). */
  operatingSince: string | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** An enterprise or school that builds or runs the base with its owner. */
export interface TrainingBasePartnerTable {
  baseId: string;
  unitId: string;
}

export interface TrainingBaseEquipmentTable {
  id: Generated<string>;
  baseId: string;
  position: number;
  name: string;
  quantity: number;
  /** Yuan per item. */
  unitValue: Numeric;
}

/** A basis document (立项批复, 建设方案, 验收报告 …) on file: a stored file of the platform. */
export interface TrainingBaseDocumentTable {
  baseId: string;
  fileId: string;
}

/** A session (预约) a school or enterprise booked on a base. */
export interface TrainingSessionTable {
  id: Generated<string>;
  baseId: string;
  bookerId: string;
  sessionDate: string;
  /** Minutes after midnight, China time. */
  startMinute: number;
  minutes: number;
  /** Stations the group takes (one person, one station). */
  groupSize: number;
  purpose: TrainingSessionPurpose;
  topic: Generated<string>;
  state: TrainingSessionState;
  cancelledOn: string | null;
  createdBy: string | null;
  createdAt: Date;
}

/** A vocational-education group (职教集团). */
export interface VetGroupTable {
  id: Generated<string>;
  districtId: string;
  name: string;
  leadUnitId: string;
  foundedOn: string | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface VetGroupMemberTable {
  groupId: string;
  unitId: string;
  kind: VetGroupMemberKind;
  role: VetGroupRole;
  joinedOn: string;
}

/** A joint programme of the group's members (中高职衔接招生, 现代学徒制班, 企业新型学徒制班). */
export interface VetGroupProgrammeTable {
  id: Generated<string>;
  groupId: string;
  kind: VetProgrammeKind;
  name: string;
  year: number;
  /** The member units running it. */
  unitIds: Texts;
  /** Typed-in places and enrolled; not read while the programme is linked to an enrolment program. */
  places: number;
  enrolled: number;
  /** 中高职衔接 only: the enrolment program (统一招生, 中职) admitting its students, or null. */
  enrollmentProgramId: ColumnType<string | null, string | null | undefined, string | null>;
  createdBy: string | null;
  createdAt: Date;
}

export interface TrainingBaseTables {
  trainingBase: TrainingBaseTable;
  trainingBasePartner: TrainingBasePartnerTable;
  trainingBaseEquipment: TrainingBaseEquipmentTable;
  trainingBaseDocument: TrainingBaseDocumentTable;
  trainingSession: TrainingSessionTable;
  vetGroup: VetGroupTable;
  vetGroupMember: VetGroupMemberTable;
  vetGroupProgramme: VetGroupProgrammeTable;
}

// The module's tables join the app's database type: the module that declares a table owns it.
declare module '../../platform/db/database.types.ts' {
  interface Database extends TrainingBaseTables {}
}
