import type {
  ActionItemState,
  ActionUpdateState,
  AlertTier,
  AttendanceState,
  IndicatorStatus,
  MeetingState,
  ProgressStatus,
  UnitRole,
} from '@zhijiao/contracts';
import type { UploadedFile } from '@/lib/api-types';

/** Shapes of the joint-meeting API (`/api/meetings`, `/api/action-items`). */
export interface UnitRef {
  id: string;
  code: string;
  name: string;
}

export interface MeetingSummary {
  id: string;
  number: number;
  title: string;
  meetingDate: string;
  location: string;
  conveningUnit: UnitRef;
  state: MeetingState;
  memberCount: number;
  remarksMissing: number;
  actionItemsOpen: number;
}

export interface StatusSnapshot {
  windowStart: string;
  windowEnd: string;
  tasks: Array<{
    id: string;
    label: string;
    title: string;
    role: UnitRole;
    progress: ProgressStatus | null;
    lastReportedPeriod: string | null;
  }>;
  indicators: Array<{
    id: string;
    code: string;
    name: string;
    unit: string;
    taskLabel: string;
    latestValue: number | null;
    deadline: string;
    status: IndicatorStatus;
  }>;
  overdueReports: Array<{
    taskId: string;
    taskLabel: string;
    taskTitle: string;
    periodLabel: string;
    dueOn: string;
    daysLate: number;
  }>;
  rectification: {
    open: number;
    overdue: number;
    items: Array<{ id: string; title: string; dueDate: string; tier: AlertTier | null }>;
  };
}

export interface StatusReport {
  unit: UnitRef;
  snapshot: StatusSnapshot | null;
  snapshotAt: string | null;
  remarks: string | null;
  remarksByName: string | null;
  remarksAt: string | null;
  abilities: { remark: boolean };
}

export interface ActionItem {
  id: string;
  meeting: { id: string; title: string; meetingDate: string };
  number: number;
  decision: string;
  responsibleUnit: UnitRef;
  deadline: string;
  state: ActionItemState;
  completedOn: string | null;
  daysLate: number | null;
  tier: AlertTier | null;
  abilities: { update: boolean; review: boolean; remove: boolean };
}

export interface ActionItemDetail extends ActionItem {
  updates: Array<{
    id: string;
    narrative: string;
    claimsCompletion: boolean;
    state: ActionUpdateState;
    submittedByName: string;
    submittedAt: string;
    reviewedByName: string | null;
    reviewedAt: string | null;
    reviewComment: string | null;
    files: UploadedFile[];
  }>;
}

export interface MeetingDetail extends MeetingSummary {
  district: UnitRef;
  chair: string;
  agenda: string[];
  minutesSummary: string;
  preparedAt: string | null;
  windowStart: string | null;
  heldAt: string | null;
  minutesFinalAt: string | null;
  closedAt: string | null;
  members: Array<{ unit: UnitRef; attendance: AttendanceState; attendees: string; absenceReason: string }>;
  statusReports: StatusReport[];
  decisions: ActionItem[];
  abilities: {
    edit: boolean;
    prepare: boolean;
    recordAttendance: boolean;
    decide: boolean;
    finaliseMinutes: boolean;
    close: boolean;
    exportMinutes: boolean;
  };
}
