/**
 * The student register's rules (学籍): which status changes are allowed, and on which day. Pure.
 *
 * 在籍 → 休学 / 转学 / 退学 / 毕业; 休学 → 在籍 (复学) / 退学; 转学, 退学 and 毕业 are final (a
 * student who comes back is registered again, not revived). A change takes effect on a day not
 * before the learner's last change (the history stays in order) and not in the future.
 */
import { LEARNER_STATUS_LABELS, type LearnerStatus } from '@zhijiao/contracts';

/** Why a register step is refused: the field it is about, a stable code, zh and en. */
export interface RegisterRefusal {
  code: string;
  field: string;
  zh: string;
  en: string;
}

/** The statuses a learner may move to from each status. */
export const STATUS_TRANSITIONS: Readonly<Record<LearnerStatus, readonly LearnerStatus[]>> = {
  enrolled: ['suspended', 'transferred', 'withdrawn', 'graduated'],
  suspended: ['enrolled', 'withdrawn'],
  transferred: [],
  withdrawn: [],
  graduated: [],
};

/** What the rules need of a learner: the current status and the day it took effect. */
export interface LearnerStanding {
  status: LearnerStatus;
  statusSince: string;
}

/** The change asked for: the new status, the day it takes effect and why. */
export interface StatusChange {
  to: LearnerStatus;
  on: string;
  reason: string;
}

const label = (s: LearnerStatus) => LEARNER_STATUS_LABELS[s];

function transitionRefusal(from: LearnerStatus, to: LearnerStatus): RegisterRefusal | null {
  if (from === to)
    return {
      code: 'STATUS_UNCHANGED',
      field: 'status',
      zh: `学生已是“${label(to).zh}”状态`,
      en: `The student is already ${label(to).en.toLowerCase()}`,
    };
  if (STATUS_TRANSITIONS[from].length === 0)
    return {
      code: 'STATUS_FINAL',
      field: 'status',
      zh: `“${label(from).zh}”是最终状态，不能再变更`,
      en: `${label(from).en} is final; the status cannot change any more`,
    };
  if (!STATUS_TRANSITIONS[from].includes(to))
    return {
      code: 'STATUS_TRANSITION_NOT_ALLOWED',
      field: 'status',
      zh: `不能从“${label(from).zh}”变更为“${label(to).zh}”`,
      en: `A student cannot go from ${label(from).en.toLowerCase()} to ${label(to).en.toLowerCase()}`,
    };
  return null;
}

/** A real calendar day written `YYYY-MM-DD`. */
function isCalendarDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day;
}

function dateRefusals(on: string, lastChange: string, today: string): RegisterRefusal[] {
  const refusals: RegisterRefusal[] = [];
  if (on < lastChange)
    refusals.push({
      code: 'DATE_BEFORE_LAST_CHANGE',
      field: 'date',
      zh: `变更日期 ${on} 早于上一次学籍变更（${lastChange}）`,
      en: `The date ${on} is before the student's last status change (${lastChange})`,
    });
  if (on > today)
    refusals.push({
      code: 'DATE_IN_FUTURE',
      field: 'date',
      zh: `变更日期 ${on} 不能晚于今天（${today}）`,
      en: `The date ${on} cannot be after today (${today})`,
    });
  return refusals;
}

/**
 * Every reason the change cannot be made (empty: it may): a transition the register does not
 * allow, a day that is not a real day, before the learner's last change or after `today`, no
 * reason given.
 *
 * @example statusChangeRefusals({ status: 'graduated', statusSince: '2024-07-01' }, { to: 'enrolled', on: '2024-09-01', reason: '复学' }, '2024-09-02')
 * // [{ code: 'STATUS_FINAL', field: 'status', zh: '“毕业”是最终状态，不能再变更', … }]
 */
export function statusChangeRefusals(
  learner: LearnerStanding,
  change: StatusChange,
  today: string,
): RegisterRefusal[] {
  const refusals: RegisterRefusal[] = [];
  const transition = transitionRefusal(learner.status, change.to);
  if (transition) refusals.push(transition);
  if (!isCalendarDay(change.on))
    refusals.push({
      code: 'DATE_INVALID',
      field: 'date',
      zh: `变更日期 ${change.on} 不是有效日期（格式 YYYY-MM-DD）`,
      en: `The date ${change.on} is not a real day (YYYY-MM-DD)`,
    });
  else refusals.push(...dateRefusals(change.on, learner.statusSince, today));
  if (change.reason.trim() === '')
    refusals.push({
      code: 'REASON_REQUIRED',
      field: 'reason',
      zh: '请填写学籍变更原因',
      en: 'A reason for the status change is required',
    });
  return refusals;
}
