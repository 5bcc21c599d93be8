import type { ColumnType, Generated } from 'kysely';
import type {
  Comparator,
  IndicatorKind,
  PeriodKind,
  PlanStatus,
  ProgressStatus,
  ReportState,
  UnitRole,
} from '@zhijiao/contracts';

import type { IndicatorRecurrence, VerdictRule } from './plan-file/plan-file.types.ts';

type Json<T> = ColumnType<T, string, string>;

export interface PlanTable {
  id: Generated<string>;
  code: string;
  version: number;
  title: string;
  titleEn: string;
  districtId: string;
  status: PlanStatus;
  stage: string | null;
  startDate: string;
  endDate: string;
  reportingPeriod: PeriodKind;
  preamble: string;
  definition: Json<unknown>;
  contentHash: string;
  warnings: Json<unknown[]>;
  isCurrent: boolean;
  importedBy: string | null;
  importedAt: Date;
}

export interface PlanSectionTable {
  id: Generated<string>;
  planId: string;
  number: number;
  label: string;
  title: string;
  titleEn: string;
}

export interface PlanTaskTable {
  id: Generated<string>;
  planId: string;
  sectionId: string;
  code: string;
  number: number;
  label: string;
  title: string;
  titleEn: string;
  text: string;
}

export interface TaskUnitTable {
  taskId: string;
  orgUnitId: string;
  role: UnitRole;
  position: number;
  writtenAs: string;
}

export interface IndicatorTable {
  id: Generated<string>;
  planId: string;
  taskId: string;
  code: string;
  name: string;
  nameEn: string;
  unit: string;
  comparator: Comparator;
  target: number | null;
  targetLow: number | null;
  targetHigh: number | null;
  deadline: string;
  recurrence: IndicatorRecurrence;
  verdictRule: Generated<VerdictRule>;
  baseline: number | null;
  kind: IndicatorKind;
  metric: string | null;
  isPublic: boolean;
  description: string;
  position: number;
}

export interface MilestoneTable {
  id: Generated<string>;
  planId: string;
  taskId: string;
  code: string;
  title: string;
  titleEn: string;
  due: string;
  orgUnitId: string | null;
  description: string;
  completedOn: string | null;
  /** The metric whose value ≥ 1 completes the milestone (from the plan file); null = done by hand. */
  completedBy: ColumnType<string | null, string | null | undefined, string | null>;
  /** Why the milestone's unit is not among its task's units ('' when it is, or no reason given). */
  ownerNote: Generated<string>;
  position: number;
}

export interface ReportingPeriodTable {
  id: Generated<string>;
  planId: string;
  label: string;
  startsOn: string;
  endsOn: string;
  dueOn: string;
}

export interface ProgressReportTable {
  id: Generated<string>;
  planId: string;
  taskId: string;
  periodId: string;
  orgUnitId: string;
  state: ReportState;
  progress: ProgressStatus;
  narrative: string;
  completedMilestones: ColumnType<string[], string[] | undefined, string[]>;
  /** Null for historical reports loaded from outside (demo data, migrations from paper). */
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  reviewComment: string | null;
}

export interface ProgressReportValueTable {
  reportId: string;
  indicatorId: string;
  value: number;
  /** What the value was computed from (both or neither): the funds and the enrolment behind 元/生. */
  numerator: ColumnType<number | null, number | null | undefined, number | null>;
  denominator: ColumnType<number | null, number | null | undefined, number | null>;
  note: string;
}

export interface ProgressReportFileTable {
  reportId: string;
  fileId: string;
}

/** What a report's history records (the steps of `progress.workflow.ts`). */
export const REPORT_EVENT_ACTIONS = [
  'created',
  'updated',
  'submitted',
  'withdrawn',
  'returned',
  'approved',
] as const;

export interface ProgressReportEventTable {
  id: Generated<string>;
  /** Insertion order: steps of one request share a timestamp. */
  seq: Generated<number>;
  reportId: string;
  at: Date;
  actorId: string | null;
  action: (typeof REPORT_EVENT_ACTIONS)[number];
  comment: string | null;
}

export interface IndicatorValueTable {
  id: Generated<string>;
  indicatorId: string;
  periodId: string;
  value: number;
  numerator: ColumnType<number | null, number | null | undefined, number | null>;
  denominator: ColumnType<number | null, number | null | undefined, number | null>;
  reportId: string | null;
  recordedAt: Date;
}

export interface ActionPlanTables {
  plan: PlanTable;
  planSection: PlanSectionTable;
  planTask: PlanTaskTable;
  taskUnit: TaskUnitTable;
  indicator: IndicatorTable;
  milestone: MilestoneTable;
  reportingPeriod: ReportingPeriodTable;
  progressReport: ProgressReportTable;
  progressReportValue: ProgressReportValueTable;
  progressReportFile: ProgressReportFileTable;
  progressReportEvent: ProgressReportEventTable;
  indicatorValue: IndicatorValueTable;
}

// The module's tables join the app's database type: the module that declares a table owns it.
declare module '../../platform/db/database.types.ts' {
  interface Database extends ActionPlanTables {}
}
