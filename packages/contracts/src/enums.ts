/** Domain enumerations shared by server and web. */

export const ORG_UNIT_TYPES = ['district', 'bureau', 'school', 'enterprise', 'college', 'other'] as const;
export type OrgUnitType = (typeof ORG_UNIT_TYPES)[number];

export const PLAN_STATUSES = ['draft', 'published', 'archived'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const PERIOD_KINDS = ['monthly', 'quarterly', 'yearly'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** Progress status a unit reports for a task (正常推进 / 存在风险 / 滞后 / 已完成). */
export const PROGRESS_STATUSES = ['on_track', 'at_risk', 'behind', 'completed'] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

export const REPORT_STATES = ['draft', 'submitted', 'returned', 'approved'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

export const COMPARATORS = ['gte', 'lte', 'eq', 'between'] as const;
export type Comparator = (typeof COMPARATORS)[number];

export const INDICATOR_KINDS = ['reported', 'computed'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

/** Traffic light of an indicator: met and on_track are green, at_risk yellow, off_track red. */
export const INDICATOR_STATUSES = ['met', 'on_track', 'at_risk', 'off_track', 'no_data'] as const;
export type IndicatorStatus = (typeof INDICATOR_STATUSES)[number];

/** Alert colour tiers (蓝 / 黄 / 红) by how late or how far off. */
export const ALERT_TIERS = ['blue', 'yellow', 'red'] as const;
export type AlertTier = (typeof ALERT_TIERS)[number];

export const ALERT_KINDS = [
  'deadline_approaching',
  'report_overdue',
  'indicator_off_track',
  'milestone_overdue',
  'plan_ended',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const UNIT_ROLES = ['lead', 'cooperating'] as const;
export type UnitRole = (typeof UNIT_ROLES)[number];

/** Where a plan stands in its life: running, past its end date awaiting the final evaluation, closed (收官). */
export const PLAN_PHASES = ['running', 'ended', 'closed'] as const;
export type PlanPhase = (typeof PLAN_PHASES)[number];

/** A task's outcome in the final evaluation (终期评估): 已完成 / 部分完成 / 未完成. */
export const TASK_OUTCOMES = ['completed', 'partly', 'not_completed'] as const;
export type TaskOutcome = (typeof TASK_OUTCOMES)[number];

/** An indicator's final verdict at its deadline: 已达成 / 未达成 / 无数据. */
export const FINAL_VERDICTS = ['met', 'not_met', 'no_data'] as const;
export type FinalVerdict = (typeof FINAL_VERDICTS)[number];

/** The final evaluation's states: a draft the coordinator edits, then closed with the plan. */
export const EVALUATION_STATES = ['draft', 'closed'] as const;
export type EvaluationState = (typeof EVALUATION_STATES)[number];
