/**
 * Shapes of the API's answers, shared by the features that read them. Each feature keeps its own
 * fetchers; these types say what comes back.
 */
import type {
  AlertKind,
  AlertTier,
  Comparator,
  IndicatorKind,
  IndicatorStatus,
  InspectionKind,
  InspectionState,
  OrgUnitType,
  Permission,
  ProgressStatus,
  ReportState,
  Role,
  SupervisionAlertKind,
  UnitRole,
} from '@zhijiao/contracts';

export interface UnitRef {
  id: string;
  code: string;
  name: string;
}

export interface Me {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  orgUnit: UnitRef;
  permissions: Permission[];
  restriction: 'password_change' | 'totp_enrolment' | null;
  totpEnabled: boolean;
}

export interface SessionAnswer {
  user: Me;
  csrfToken: string;
}

export interface PlanSummary {
  id: string;
  code: string;
  version: string;
  title: string;
  titleEn: string | null;
  status: string;
  stage: string;
  startDate: string;
  endDate: string;
  reportingPeriod: string;
  district: { code: string; name: string };
}

export interface Period {
  id: string;
  label: string;
  startsOn: string;
  endsOn: string;
  dueOn: string;
  current: boolean;
}

export interface TaskUnit extends UnitRef {
  role: UnitRole;
}

export interface TaskSummary {
  id: string;
  number: number;
  label: string;
  title: string;
  titleEn: string | null;
  units: TaskUnit[];
  progress: ProgressStatus | null;
  lastReportedPeriod: string | null;
  indicatorCount: number;
  alertTier: AlertTier | null;
}

export interface Indicator {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
  unit: string | null;
  comparator: Comparator;
  target: number | null;
  targetLow: number | null;
  targetHigh: number | null;
  deadline: string | null;
  baseline: number | null;
  kind: IndicatorKind;
  metric: string | null;
  isPublic: boolean;
  description: string | null;
  latestValue: number | null;
  latestPeriod: string | null;
  status: IndicatorStatus;
  taskId: string;
  taskLabel: string;
}

export interface Milestone {
  id: string;
  code: string;
  title: string;
  titleEn: string | null;
  due: string | null;
  unit: UnitRef | null;
  completedOn: string | null;
  overdue: boolean;
}

/** A milestone in the plan-wide list, with the task it belongs to. */
export interface PlanMilestone extends Milestone {
  task: { id: string; label: string; title: string };
}

export interface ReportSummary {
  id: string;
  taskId: string;
  taskLabel: string;
  taskTitle: string;
  period: { id: string; label: string };
  unit: UnitRef;
  state: ReportState;
  progress: ProgressStatus;
  submittedAt: string | null;
  reviewedAt: string | null;
  reviewComment: string | null;
  abilities: { edit: boolean; submit: boolean; review: boolean };
}

export interface UploadedFile {
  id: string;
  name: string;
  sizeBytes: number;
  mime: string;
}

export interface ReportDetail extends ReportSummary {
  narrative: string;
  values: {
    indicatorId: string;
    code: string;
    name: string;
    unit: string | null;
    value: number | null;
    note: string | null;
  }[];
  files: UploadedFile[];
  completedMilestones: string[];
  events: { at: string; actor: string; action: string; comment: string | null }[];
}

export interface TaskDetail {
  task: TaskSummary & { text: string; sectionTitle: string; planCode: string };
  indicators: Indicator[];
  milestones: Milestone[];
  reports: ReportSummary[];
  abilities: { report: boolean; review: boolean };
}

export interface Alert {
  id: string;
  /** 'plan' for the plan's own alerts; otherwise the module that raised it ('supervision' …). */
  source: string;
  kind: AlertKind | SupervisionAlertKind;
  tier: AlertTier;
  /** Null for alerts from other modules. */
  planCode: string | null;
  unit: UnitRef;
  task: { id: string; label: string; title: string } | null;
  indicator: { id: string; code: string; name: string } | null;
  /** One line naming the object (task, rectification order …). */
  title: string | null;
  dueDate: string | null;
  daysLate: number;
  message: string;
  /** Web path where the alert is dealt with. */
  link: string | null;
}

export interface OrgUnit {
  id: string;
  code: string;
  name: string;
  fullName: string | null;
  nameEn: string | null;
  type: OrgUnitType;
  groups: string[];
  parentId: string | null;
}

/** A supervision inspection (督导) in a list; the indicator and task pages pick one to open a finding in. */
export interface InspectionSummary {
  id: string;
  kind: InspectionKind;
  state: InspectionState;
  title: string;
  documentNumber: string | null;
  startsOn: string;
  endsOn: string;
  findingCount: number;
  openOrderCount: number;
  completedAt: string | null;
  abilities: {
    edit: boolean;
    start: boolean;
    complete: boolean;
    addFinding: boolean;
    recordInterview: boolean;
    publishReport: boolean;
  };
}

/** A list answer: `{ items: [...] }`. */
export interface Items<T> {
  items: T[];
}
