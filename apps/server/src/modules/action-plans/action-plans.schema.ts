import {
  ALERT_KINDS,
  ALERT_KINDS_BY_SOURCE,
  ALERT_TIERS,
  COMPARATORS,
  EVALUATION_STATES,
  FINAL_VERDICTS,
  INDICATOR_KINDS,
  INDICATOR_STATUSES,
  PERIOD_KINDS,
  PLAN_PHASES,
  PLAN_STATUSES,
  PROGRESS_STATUSES,
  REPORT_STATES,
  TASK_OUTCOMES,
} from '@zhijiao/contracts';
import { Type, type Static, type TSchema } from 'typebox';
import {
  DateString,
  literals,
  Nullable,
  Offset,
  PlanCode,
  Timestamp,
  UnitRef,
} from '../../platform/http/schemas.ts';
import { AcknowledgementFields } from '../../platform/alerts/alert-acknowledgements.schema.ts';
import { REPORT_EVENT_ACTIONS } from './action-plans.tables.ts';
import { INDICATOR_RECURRENCES, VERDICT_RULES } from './plan-file/plan-file.types.ts';

export const ProgressStatusSchema = literals(PROGRESS_STATUSES);
export const ReportStateSchema = literals(REPORT_STATES);
const Tier = literals(ALERT_TIERS);

export const PlanSummary = Type.Object({
  id: Type.String(),
  code: Type.String(),
  version: Type.Number(),
  title: Type.String(),
  titleEn: Type.String(),
  status: literals(PLAN_STATUSES),
  stage: Nullable(Type.String()),
  startDate: DateString,
  endDate: DateString,
  reportingPeriod: literals(PERIOD_KINDS),
  district: Type.Object({ code: Type.String(), name: Type.String() }),
});

export const Period = Type.Object({
  id: Type.String(),
  label: Type.String(),
  startsOn: DateString,
  endsOn: DateString,
  dueOn: DateString,
});

/** A period in the plan's list of periods, marked when it contains today, with its reporting status. */
export const PlanPeriod = Type.Object({
  ...Period.properties,
  current: Type.Boolean(),
  /** upcoming 未开始 (before its start), open 填报中 (from its start to its due date), closed 已截止. */
  status: literals(['upcoming', 'open', 'closed'] as const),
});

export const TaskSummary = Type.Object({
  id: Type.String(),
  number: Type.Number(),
  label: Type.String(),
  title: Type.String(),
  titleEn: Type.String(),
  units: Type.Array(
    Type.Object({
      id: Type.String(),
      code: Type.String(),
      name: Type.String(),
      role: literals(['lead', 'cooperating']),
    }),
  ),
  progress: Nullable(ProgressStatusSchema),
  lastReportedPeriod: Nullable(Type.String()),
  indicatorCount: Type.Number(),
  alertTier: Nullable(Tier),
  alertReasons: Type.Array(literals(ALERT_KINDS), {
    description: 'Kinds of the task’s alerts at its worst tier: why the tier is shown',
  }),
  outcome: Type.Union([literals(TASK_OUTCOMES), Type.Null()], {
    description: 'The final outcome (终期评估) once the plan is closed: completed, partly, not_completed',
  }),
});

const num = Nullable(Type.Number());

/** A recurring target's value and verdict for one calendar year (quarter, month). */
export const PeriodVerdictSchema = Type.Object({
  label: Type.String(),
  labelEn: Type.String(),
  startsOn: DateString,
  endsOn: DateString,
  phase: literals(['past', 'current', 'future']),
  value: num,
  numerator: num,
  denominator: num,
  status: literals(INDICATOR_STATUSES),
});

export const IndicatorSchema = Type.Object({
  id: Type.String(),
  taskId: Type.String(),
  taskLabel: Type.String(),
  code: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  unit: Type.String(),
  comparator: literals(COMPARATORS),
  target: num,
  targetLow: num,
  targetHigh: num,
  deadline: DateString,
  recurrence: literals(INDICATOR_RECURRENCES),
  verdictRule: literals(VERDICT_RULES),
  baseline: num,
  kind: literals(INDICATOR_KINDS),
  metric: Nullable(Type.String()),
  isPublic: Type.Boolean(),
  description: Type.String(),
  latestValue: num,
  numerator: num,
  denominator: num,
  latestPeriod: Nullable(Type.String()),
  status: literals(INDICATOR_STATUSES),
  periods: Type.Array(PeriodVerdictSchema),
  verdict: Type.Union([literals(FINAL_VERDICTS), Type.Null()], {
    description:
      'Once the plan has ended: the verdict at the indicator’s deadline (met, not_met, no_data), shown instead of lateness; frozen when the plan closes',
  }),
});

/** Where a plan stands in its life (the dashboard's banner). */
export const LifecycleSchema = Type.Object(
  {
    phase: literals(PLAN_PHASES),
    endDate: DateString,
    evaluationDueOn: DateString,
    evaluationState: Nullable(literals(EVALUATION_STATES)),
    closedOn: Nullable(DateString),
    readEvaluation: Type.Boolean({
      description:
        'Whether the actor may open the evaluation (a draft: its coordinator; closed: district-wide readers)',
    }),
  },
  { description: 'phase: running; ended (past its end date, not closed); closed (收官, with closedOn)' },
);

export const DashboardSchema = Type.Object({
  plan: PlanSummary,
  period: Period,
  lifecycle: LifecycleSchema,
  kpis: Type.Object({
    tasks: Type.Number(),
    tasksOnTrack: Type.Number(),
    tasksOnTrackShare: Type.Number(),
    tasksAtRisk: Type.Number(),
    tasksBehind: Type.Number(),
    tasksCompleted: Type.Number(),
    tasksNotReported: Type.Number(),
    indicators: Type.Number(),
    indicatorsByStatus: Type.Record(Type.String(), Type.Number()),
    overdueReports: Type.Number(),
    milestonesDue: Type.Number(),
    milestonesOverdue: Type.Number(),
    pendingReviews: Type.Number(),
    taskOutcomes: Nullable(
      Type.Object(
        { completed: Type.Number(), partly: Type.Number(), not_completed: Type.Number() },
        {
          description:
            'A closed plan: how many tasks the final evaluation judged completed, partly, not completed',
        },
      ),
    ),
  }),
  sections: Type.Array(
    Type.Object({
      id: Type.String(),
      number: Type.Number(),
      label: Type.String(),
      title: Type.String(),
      titleEn: Type.String(),
      tasks: Type.Array(TaskSummary),
    }),
  ),
  units: Type.Array(
    Type.Object({
      unit: UnitRef,
      lead: Type.Number(),
      onTrack: Type.Number(),
      atRisk: Type.Number(),
      behind: Type.Number(),
      completed: Type.Number(),
      notReported: Type.Number(),
    }),
  ),
});

export const ReportSummarySchema = Type.Object({
  id: Type.String(),
  taskId: Type.String(),
  taskLabel: Type.String(),
  taskTitle: Type.String(),
  planCode: Type.String(),
  period: Type.Object({ id: Type.String(), label: Type.String() }),
  unit: UnitRef,
  state: ReportStateSchema,
  progress: ProgressStatusSchema,
  submittedAt: Nullable(Timestamp),
  reviewedAt: Nullable(Timestamp),
  reviewComment: Nullable(Type.String()),
  updatedAt: Timestamp,
  abilities: Type.Object({
    edit: Type.Boolean(),
    submit: Type.Boolean(),
    withdraw: Type.Boolean({ description: 'May withdraw (撤回) it: submitted, not yet reviewed' }),
    review: Type.Boolean(),
  }),
});

export const ReportDetailSchema = Type.Intersect([
  ReportSummarySchema,
  Type.Object({
    narrative: Type.String(),
    completedMilestones: Type.Array(Type.String()),
    values: Type.Array(
      Type.Object({
        indicatorId: Type.String(),
        code: Type.String(),
        name: Type.String(),
        unit: Type.String(),
        value: Type.Number(),
        numerator: num,
        denominator: num,
        note: Type.String(),
      }),
    ),
    files: Type.Array(
      Type.Object({ id: Type.String(), name: Type.String(), sizeBytes: Type.Number(), mime: Type.String() }),
    ),
    events: Type.Array(
      Type.Object({
        at: Timestamp,
        actor: Type.String(),
        action: literals(REPORT_EVENT_ACTIONS),
        comment: Nullable(Type.String()),
      }),
    ),
  }),
]);

/** How a milestone is completed and why it has its owner, as the plan file says. */
const milestoneRecordFields = {
  completedBy: Nullable(
    Type.String({
      description:
        'The metric whose value ≥ 1 completes the milestone (由系统记录自动完成, no hand tick); null when a report completes it',
    }),
  ),
  ownerNote: Nullable(
    Type.String({ description: "Why the milestone's unit is not one of its task's responsible units" }),
  ),
};

export const TaskDetailSchema = Type.Object({
  task: Type.Intersect([
    TaskSummary,
    Type.Object({ text: Type.String(), sectionTitle: Type.String(), planCode: Type.String() }),
  ]),
  indicators: Type.Array(IndicatorSchema),
  milestones: Type.Array(
    Type.Object({
      id: Type.String(),
      code: Type.String(),
      title: Type.String(),
      titleEn: Type.String(),
      due: DateString,
      unit: Nullable(UnitRef),
      completedOn: Nullable(DateString),
      ...milestoneRecordFields,
      overdue: Type.Boolean(),
    }),
  ),
  reports: Type.Array(ReportSummarySchema),
  currentPeriodId: Type.String(),
  abilities: Type.Object({ report: Type.Boolean(), review: Type.Boolean() }),
});

/** An alert as its source raised it (the plan's own or another module's). */
export const AlertCoreSchema = Type.Object({
  id: Type.String({ description: 'Stable id of the alert (what an acknowledgement is keyed by)' }),
  source: Type.String({
    description: `Module that raised it: ${Object.keys(ALERT_KINDS_BY_SOURCE).join(', ')}`,
  }),
  kind: Type.String({
    description: `Kind of alert, by source: ${Object.entries(ALERT_KINDS_BY_SOURCE)
      .map(([source, kinds]) => `${source}: ${kinds.join(', ')}`)
      .join('; ')}`,
  }),
  tier: Tier,
  planCode: Nullable(Type.String({ description: 'The plan of a plan alert; null for other sources' })),
  unit: UnitRef,
  task: Nullable(Type.Object({ id: Type.String(), label: Type.String(), title: Type.String() })),
  indicator: Nullable(Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() })),
  title: Nullable(Type.String({ description: 'One line naming the object (task, order …)' })),
  dueDate: Nullable(DateString),
  daysLate: Type.Number(),
  message: Type.String(),
  link: Nullable(Type.String({ description: 'Web path where the alert is dealt with' })),
});

/** One alert of the list: as raised, with the addressed unit's acknowledgement (已知悉) at its tier. */
export const AlertSchema = Type.Object({ ...AlertCoreSchema.properties, ...AcknowledgementFields });

const ValueInput = Type.Object(
  {
    indicatorId: Type.String({ format: 'uuid' }),
    value: Type.Number({ minimum: -1e12, maximum: 1e12 }),
    numerator: Type.Optional(
      Nullable(
        Type.Number({ minimum: -1e15, maximum: 1e15, description: '分子, e.g. the funds behind 元/生' }),
      ),
    ),
    denominator: Type.Optional(
      Nullable(Type.Number({ exclusiveMinimum: 0, maximum: 1e15, description: '分母, e.g. the students' })),
    ),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
const contentFields = {
  progress: ProgressStatusSchema,
  narrative: Type.String({ minLength: 1, maxLength: 5000, description: '工作进展情况' }),
  values: Type.Array(ValueInput, { maxItems: 50, default: [] }),
  fileIds: Type.Array(Type.String({ format: 'uuid' }), { maxItems: 20, default: [] }),
  completedMilestones: Type.Array(Type.String({ format: 'uuid' }), { maxItems: 50, default: [] }),
  submit: Type.Boolean({ default: false, description: 'true = submit for review now; false = save a draft' }),
};
export const CreateReportBody = Type.Object(
  { taskId: Type.String({ format: 'uuid' }), periodId: Type.String({ format: 'uuid' }), ...contentFields },
  { additionalProperties: false },
);
export const UpdateReportBody = Type.Object(contentFields, { additionalProperties: false });
/** What a unit writes in a report (edit or create). */
export type ReportContent = Static<typeof UpdateReportBody>;
/** A new report: its task and period, and its content. */
export type NewReport = Static<typeof CreateReportBody>;

export const ReportListQuery = Type.Object({
  state: Type.Optional(ReportStateSchema),
  taskId: Type.Optional(Type.String({ format: 'uuid' })),
  planCode: Type.Optional(PlanCode),
  periodId: Type.Optional(Type.String({ format: 'uuid' })),
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 200, description: 'Page size' }),
  offset: Offset(),
});
export type ReportListQuery = Static<typeof ReportListQuery>;

export const ReturnReportBody = Type.Object(
  { comment: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
);

export const Items = <T extends TSchema>(t: T) => Type.Object({ items: Type.Array(t) });

export const PlanMilestoneSchema = Type.Object({
  id: Type.String(),
  code: Type.String(),
  title: Type.String(),
  titleEn: Type.String(),
  due: DateString,
  task: Type.Object({ id: Type.String(), label: Type.String(), title: Type.String() }),
  unit: Nullable(UnitRef),
  completedOn: Nullable(DateString),
  ...milestoneRecordFields,
  overdue: Type.Boolean(),
});
