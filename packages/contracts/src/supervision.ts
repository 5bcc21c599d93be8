/** Supervision (督导): inspections, findings, rectification orders, interviews, rewards and penalties: enums and error messages shared by server and web. */

type Label = { zh: string; en: string };

/** 定期督导 / 专项督导. */
export const INSPECTION_KINDS = ['regular', 'special'] as const;
export type InspectionKind = (typeof INSPECTION_KINDS)[number];

/** planned → in_progress (findings are recorded) → completed (report written; may be published). */
export const INSPECTION_STATES = ['planned', 'in_progress', 'completed'] as const;
export type InspectionState = (typeof INSPECTION_STATES)[number];

/** What an inspection covers: responsible units, schools (both org units) and plan tasks. */
export const INSPECTION_SCOPE_TYPES = ['unit', 'school', 'task'] as const;
export type InspectionScopeType = (typeof INSPECTION_SCOPE_TYPES)[number];

/** What a finding (问题) concerns. */
export const FINDING_SUBJECT_TYPES = ['task', 'indicator', 'action_item', 'other'] as const;
export type FindingSubjectType = (typeof FINDING_SUBJECT_TYPES)[number];

export const FINDING_SEVERITIES = ['general', 'serious'] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

/** open (no order yet) → rectifying (order issued) → resolved (order closed, 销号). */
export const FINDING_STATES = ['open', 'rectifying', 'resolved'] as const;
export type FindingState = (typeof FINDING_STATES)[number];

/**
 * Rectification order (整改通知): issued → answered (unit's measures + evidence) → verified by the
 * inspector → closed (销号); or answered → returned (sent back) → answered again.
 */
export const ORDER_STATES = ['issued', 'answered', 'returned', 'verified', 'closed'] as const;
export type OrderState = (typeof ORDER_STATES)[number];

export const EXTENSION_STATES = ['pending', 'approved', 'refused'] as const;
export type ExtensionState = (typeof EXTENSION_STATES)[number];

/** 约谈 commitments: followed up as fulfilled or not. */
export const COMMITMENT_STATES = ['pending', 'fulfilled', 'unfulfilled'] as const;
export type CommitmentState = (typeof COMMITMENT_STATES)[number];

/** 奖励 / 惩戒. */
export const SANCTION_KINDS = ['reward', 'penalty'] as const;
export type SanctionKind = (typeof SANCTION_KINDS)[number];

/** Grounds of a reward or penalty. */
export const SANCTION_GROUNDS = [
  'findings_closed_on_time',
  'indicator_met',
  'order_overdue',
  'interview_commitment_broken',
  'other',
] as const;
export type SanctionGround = (typeof SANCTION_GROUNDS)[number];

/** Alert kinds the supervision module raises (see /api/alerts, `source: supervision`). */
export const SUPERVISION_ALERT_KINDS = ['rectification_due', 'rectification_overdue'] as const;
export type SupervisionAlertKind = (typeof SUPERVISION_ALERT_KINDS)[number];

export const INSPECTION_KIND_LABELS: Record<InspectionKind, Label> = {
  regular: { zh: '定期督导', en: 'Regular inspection' },
  special: { zh: '专项督导', en: 'Special inspection' },
};

export const ORDER_STATE_LABELS: Record<OrderState, Label> = {
  issued: { zh: '待整改', en: 'Issued' },
  answered: { zh: '已反馈待核查', en: 'Answered' },
  returned: { zh: '已退回', en: 'Sent back' },
  verified: { zh: '已核查', en: 'Verified' },
  closed: { zh: '已销号', en: 'Closed' },
};

export const FINDING_STATE_LABELS: Record<FindingState, Label> = {
  open: { zh: '待下达整改', en: 'Open' },
  rectifying: { zh: '整改中', en: 'Being rectified' },
  resolved: { zh: '已销号', en: 'Resolved' },
};

/** Error codes of this module with their Chinese and English messages (merged into ERROR_MESSAGES). */
export const SUPERVISION_ERRORS = {
  SUPERVISION_INVALID_TRANSITION: {
    zh: '当前状态下不能执行此操作',
    en: 'Not allowed in the current state',
  },
  SUPERVISION_INSPECTION_NOT_ACTIVE: {
    zh: '督导未在进行中，不能登记问题或约谈',
    en: 'The inspection is not in progress',
  },
  SUPERVISION_NOT_INSPECTOR: {
    zh: '您不是该次督导的督学',
    en: 'You are not an inspector of this inspection',
  },
  SUPERVISION_NOT_RESPONSIBLE: {
    zh: '本单位不是该整改通知的责任单位',
    en: 'Your unit is not the one this order is addressed to',
  },
  SUPERVISION_FINDING_HAS_ORDER: {
    zh: '该问题已下达整改通知',
    en: 'A rectification order was already issued for this finding',
  },
  SUPERVISION_ORDER_NOT_VERIFIED: {
    zh: '整改情况尚未核查通过，不能销号',
    en: 'The order cannot be closed before its answer is verified',
  },
  SUPERVISION_ORDER_NOT_ANSWERED: {
    zh: '责任单位尚未反馈整改情况',
    en: 'The responsible unit has not answered the order',
  },
  SUPERVISION_EXTENSION_PENDING: {
    zh: '已有待审批的延期申请',
    en: 'An extension request is already pending',
  },
  SUPERVISION_EXTENSION_NOT_PENDING: {
    zh: '该延期申请已处理',
    en: 'The extension request was already decided',
  },
  SUPERVISION_EXTENSION_DATE: {
    zh: '延期后的期限须晚于当前整改期限',
    en: 'The new deadline must be later than the current one',
  },
  SUPERVISION_SUBJECT_UNKNOWN: {
    zh: '问题所涉任务或指标不存在',
    en: 'The task or indicator of the finding does not exist',
  },
  SUPERVISION_SUBJECT_NOT_LATE: {
    zh: '该指标未偏离目标，或该任务没有逾期',
    en: 'The indicator is not off track, or the task is not overdue',
  },
  SUPERVISION_INSPECTION_NOT_ENDED: {
    zh: '督导尚未结束，不能完成督导、签发督导报告',
    en: 'The inspection has not ended: it cannot be completed nor its report signed',
  },
  SUPERVISION_REPORT_NOT_READY: {
    zh: '督导完成后才能生成或发布督导报告',
    en: 'The report can be published once the inspection is completed',
  },
} as const satisfies Record<string, Label>;
