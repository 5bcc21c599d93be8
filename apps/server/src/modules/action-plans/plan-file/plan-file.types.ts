import type {
  Comparator,
  IndicatorKind,
  OrgUnitType,
  PeriodKind,
  PlanStatus,
  UnitRole,
} from '@zhijiao/contracts';

/** Where the plan text stands in its drafting process (征求意见稿 vs. the adopted text). */
export const PLAN_STAGES = ['consultation-draft', 'final'] as const;
export type PlanStage = (typeof PLAN_STAGES)[number];

/**
 * How often an indicator's target applies: `once` is judged at the deadline; `yearly` (`quarterly`,
 * `monthly`) is judged for every calendar year (quarter, month) from the plan's start to the
 * deadline, each on that period's own value (e.g. 每年 8000 元/生).
 */
export const INDICATOR_RECURRENCES = ['once', 'yearly', 'quarterly', 'monthly'] as const;
export type IndicatorRecurrence = (typeof INDICATOR_RECURRENCES)[number];

/**
 * How a recurring indicator's overall verdict follows from its per-period verdicts: `every-period`
 * (the default) — every period must meet the target, so a missed year stays missed; `last-period` —
 * only the period that holds the deadline decides, earlier periods are shown but do not count.
 */
export const VERDICT_RULES = ['every-period', 'last-period'] as const;
export type VerdictRule = (typeof VERDICT_RULES)[number];

/**
 * Tags an org unit may carry. A closed list so that a typo (`abovescale`) cannot silently drop an
 * enterprise out of the 规模以上 2 % internship rule.
 */
export const ORG_UNIT_GROUPS = [
  'public',
  'private',
  'state-owned',
  'secondary-vocational',
  'general-high',
  'junior-high',
  'higher-vocational',
  'undergraduate',
  'training-institution',
  'above-scale',
  'party-organ',
  'mass-organisation',
  'vertical-management',
  // Keeps the district's enterprise register (企业名录): keepsEnterpriseRegister in contracts.
  'enterprise-registrar',
  // 产教融合型企业: the certifying bureau and the joint-review (会签) bureaus (contracts certification.ts).
  'certification-authority',
  'certification-panel',
  // Keeps the district's high-level training bases (实训基地): keepsHighLevelBases in contracts.
  'training-base-keeper',
  // Told of enterprises short of the 2 % internship-post duty: overseesInternshipDuty in contracts.
  'internship-duty-oversight',
] as const;
export type OrgUnitGroup = (typeof ORG_UNIT_GROUPS)[number];

/** One problem found in a plan or org-unit file; `line` is 1-based, `path` like `sections[2].tasks[0].code`. */
export interface PlanFileIssue {
  line: number | null;
  path: string;
  code: string;
  message: string;
  messageEn: string;
}

/** Answer of a unit resolver: the registered unit a written name stands for. */
export interface UnitResolution {
  code: string;
  /** The unit's registered short name. */
  name: string;
  /** Set when the name matched an alias that is a known defect of the source text. */
  warning?: { zh: string; en: string };
}

/** Maps a unit name as written in a plan to a registered org unit, or null when unknown. */
export type UnitResolver = (name: string) => UnitResolution | null;

/** A unit reference after resolution. */
export interface ResolvedUnitRef {
  /** Registered short name (e.g. 区财政局). */
  name: string;
  code: string;
  /** The name as written in the file, when it differs from `name` (e.g. 区财政厅). */
  via?: string;
}

export interface TaskUnit extends ResolvedUnitRef {
  /** The first unit listed is the lead (牵头); the rest co-operate (配合). */
  role: UnitRole;
}

/**
 * A measurable target. For `between` the band is `targetLow`..`targetHigh` and `target` is null; for
 * the other comparators `target` is set and the band fields are null. Percentages are in percent
 * (60 means 60 %).
 */
export interface IndicatorDefinition {
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
  /**
   * How the per-period verdicts of a recurring indicator add up; absent means `every-period` (left
   * out when not written, so files of earlier versions keep their content hash).
   */
  verdictRule?: VerdictRule;
  baseline: number | null;
  kind: IndicatorKind;
  /** Name of the metric that computes the value; set iff `kind` is `computed`. */
  metric: string | null;
  public: boolean;
  description: string | null;
}

/**
 * A qualitative deliverable with a due date. `completedBy` and `ownerNote` are absent (not null)
 * when the file does not give them, so a file of an earlier format version reads exactly as before
 * (same definition, same content hash).
 */
export interface MilestoneDefinition {
  code: string;
  title: string;
  titleEn: string;
  due: string;
  unit: ResolvedUnitRef | null;
  description: string | null;
  /** A metric (`enrollment.seasonsPublished`) whose value ≥ 1 completes the milestone: no hand tick. */
  completedBy?: string;
  /** Why `unit` is not one of the task's responsible units (silences PLAN_FILE_MILESTONE_UNIT_OUTSIDE_TASK). */
  ownerNote?: string;
}

export interface TaskDefinition {
  code: string;
  /** 1-based task number across the whole plan. */
  number: number;
  /** The label as the plan writes it, e.g. （十二）. */
  label: string;
  title: string;
  titleEn: string;
  text: string;
  units: TaskUnit[];
  indicators: IndicatorDefinition[];
  milestones: MilestoneDefinition[];
}

export interface SectionDefinition {
  number: number;
  /** The label as the plan writes it, e.g. 四. */
  label: string;
  title: string;
  titleEn: string;
  tasks: TaskDefinition[];
}

export interface PlanDefinition {
  code: string;
  version: number;
  title: string;
  titleEn: string;
  /** Org-unit code of the district that owns the plan. */
  district: string;
  status: PlanStatus;
  stage: PlanStage;
  startDate: string;
  endDate: string;
  reportingPeriod: PeriodKind;
  preamble: string;
  sections: SectionDefinition[];
}

export interface OrgUnitAlias {
  name: string;
  /** True when the alias is a known defect: it resolves, but the import records a warning. */
  warning: boolean;
}

/** One org unit of the org-unit file, flattened out of the tree. */
export interface OrgUnitDefinition {
  code: string;
  name: string;
  fullName: string;
  nameEn: string;
  type: OrgUnitType;
  groups: OrgUnitGroup[];
  aliases: OrgUnitAlias[];
  /** Invented for demonstration, not a unit named by the plan. */
  demo: boolean;
  parentCode: string | null;
}
