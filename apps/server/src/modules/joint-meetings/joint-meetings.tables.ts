import type { ColumnType, Generated } from 'kysely';
import type { ActionItemState, ActionUpdateState, AttendanceState, MeetingState } from '@zhijiao/contracts';
import type { UnitPlanStatus } from '../action-plans/index.ts';

type Json<T> = ColumnType<T, string, string>;

/** What a member unit's status report (情况汇报) holds, frozen when the meeting is prepared. */
export interface StatusSnapshot extends UnitPlanStatus {
  /** Open rectification orders (限期整改) of the unit, from the supervision module. */
  rectification: {
    open: number;
    overdue: number;
    items: Array<{ id: string; title: string; dueDate: string; tier: 'blue' | 'yellow' | 'red' | null }>;
  };
}

export interface MeetingTable {
  id: Generated<string>;
  districtId: string;
  number: number;
  title: string;
  meetingDate: string;
  location: string;
  chair: string;
  conveningUnitId: string;
  agenda: ColumnType<string[], string[], string[]>;
  state: MeetingState;
  minutesSummary: Generated<string>;
  preparedAt: Date | null;
  windowStart: string | null;
  heldAt: Date | null;
  minutesFinalAt: Date | null;
  closedAt: Date | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface MeetingMemberTable {
  meetingId: string;
  orgUnitId: string;
  position: number;
  attendance: ColumnType<AttendanceState, AttendanceState | undefined, AttendanceState>;
  attendees: Generated<string>;
  absenceReason: Generated<string>;
  snapshot: Json<StatusSnapshot> | null;
  snapshotAt: Date | null;
  remarks: string | null;
  remarksBy: string | null;
  remarksAt: Date | null;
}

export interface ActionItemTable {
  id: Generated<string>;
  meetingId: string;
  number: number;
  decision: string;
  responsibleUnitId: string;
  deadline: string;
  state: ActionItemState;
  completedOn: string | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface ActionItemUpdateTable {
  id: Generated<string>;
  /** Insertion order: steps of one request share a timestamp. */
  seq: Generated<number>;
  actionItemId: string;
  narrative: string;
  claimsCompletion: boolean;
  state: ActionUpdateState;
  submittedBy: string;
  submittedAt: Date;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  reviewComment: string | null;
}

export interface ActionItemUpdateFileTable {
  updateId: string;
  fileId: string;
}

/** Tables of the joint-meetings module as Kysely sees them. */
export interface JointMeetingTables {
  meeting: MeetingTable;
  meetingMember: MeetingMemberTable;
  actionItem: ActionItemTable;
  actionItemUpdate: ActionItemUpdateTable;
  actionItemUpdateFile: ActionItemUpdateFileTable;
}

// The module's tables join the app's database type: the module that declares a table owns it.
declare module '../../platform/db/database.types.ts' {
  interface Database extends JointMeetingTables {}
}
