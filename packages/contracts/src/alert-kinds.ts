import { CONSULTATION_ALERT_KINDS } from './consultation.ts';
import { ENROLLMENT_ALERT_KINDS } from './enrollment.ts';
import { ALERT_KINDS } from './enums.ts';
import { PROJECT_ALERT_KINDS } from './programs.ts';
import { INTERNSHIP_ALERT_KINDS } from './internships.ts';
import { SUPERVISION_ALERT_KINDS } from './supervision.ts';
import { TEACHER_ALERT_KINDS } from './teachers.ts';

/**
 * Every alert kind by the source (module) that raises it, as /api/alerts sends `source` and
 * `kind`. The web names each kind (`alerts.kind.<kind>`); its dictionary test walks this list.
 */
export const ALERT_KINDS_BY_SOURCE = {
  plan: ALERT_KINDS,
  supervision: SUPERVISION_ALERT_KINDS,
  'joint-meetings': ['action_item_due', 'action_item_overdue', 'remarks_missing'],
  teachers: TEACHER_ALERT_KINDS,
  enrollment: ENROLLMENT_ALERT_KINDS,
  programs: PROJECT_ALERT_KINDS,
  consultation: CONSULTATION_ALERT_KINDS,
  internships: INTERNSHIP_ALERT_KINDS,
} as const satisfies Record<string, readonly string[]>;

/** Any alert kind, whichever source raises it. */
export type AnyAlertKind = (typeof ALERT_KINDS_BY_SOURCE)[keyof typeof ALERT_KINDS_BY_SOURCE][number];

/**
 * Every alert kind's name, for what the server writes itself (an export's title block); the web's
 * dictionary (`alerts.kind.<kind>`) is checked against it.
 */
export const ALERT_KIND_LABELS: Record<AnyAlertKind, { zh: string; en: string }> = {
  deadline_approaching: { zh: '即将到期', en: 'Deadline approaching' },
  report_overdue: { zh: '逾期未报', en: 'Report overdue' },
  indicator_off_track: { zh: '指标偏离', en: 'Indicator off track' },
  milestone_overdue: { zh: '里程碑逾期', en: 'Milestone overdue' },
  plan_ended: { zh: '计划到期待评估', en: 'Plan ended: final evaluation due' },
  rectification_due: { zh: '整改即将到期', en: 'Rectification due soon' },
  rectification_overdue: { zh: '整改逾期', en: 'Rectification overdue' },
  action_item_due: { zh: '议定事项临近限期', en: 'Action item due soon' },
  action_item_overdue: { zh: '议定事项逾期', en: 'Action item overdue' },
  remarks_missing: { zh: '情况说明未填写', en: 'Meeting remarks missing' },
  project_midterm_due: { zh: '中期检查临近', en: 'Mid-term check due' },
  project_midterm_overdue: { zh: '中期检查逾期', en: 'Mid-term check overdue' },
  project_acceptance_due: { zh: '项目验收临近', en: 'Acceptance due' },
  project_acceptance_overdue: { zh: '项目验收逾期', en: 'Acceptance overdue' },
  preferences_missing: { zh: '志愿未填报', en: 'Preferences missing' },
  run_unpublished: { zh: '录取结果待公布', en: 'Results not published' },
  registration_pending: { zh: '新生报到未登记', en: '报到 not recorded' },
  comments_backlog_due: { zh: '意见待处理（即将截止）', en: 'Comments awaiting action (period ending)' },
  comments_backlog_overdue: { zh: '意见处理逾期', en: 'Comments awaiting action (period ended)' },
  dq_recognition_expiring: { zh: '双师型认定即将到期', en: 'Dual-qualified recognition expiring' },
  dq_recognition_expired: { zh: '双师型认定已过期', en: 'Dual-qualified recognition expired' },
  insurance_gap: { zh: '实习保险未覆盖', en: 'Internship not fully insured' },
  attendance_violation: { zh: '实习考勤违规', en: 'Internship attendance breaks the rules' },
  incident_insurer_not_notified: {
    zh: '实习伤害事故未报保险公司',
    en: 'Internship injury not reported to the insurer',
  },
  internship_duty_short: { zh: '实习岗位未达职工总数 2%', en: 'Internship posts below 2 % of staff' },
};
