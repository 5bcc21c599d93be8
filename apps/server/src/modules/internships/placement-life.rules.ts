/**
 * During and at the end of a placement (task （十三）; 《职业学校学生实习管理规定》, 教职成〔2021〕4号):
 * incident reports (实习安全事故/事件), the two evaluations (实习考核) and completion (实习结束).
 * - An incident happened within the placement's period, not in the future, and is reported while
 *   the placement runs or within `INCIDENT_REPORT_DAYS_AFTER_END` days of its end. The policy on
 *   file covered it when the incident's China date lies within the policy's period. An injury
 *   (`INJURY_INCIDENT_KINDS`) must be reported to the insurer (the rules ask the school and the
 *   enterprise to handle it and make the insurance claim): until its notification is on file it is
 *   an alert and a todo of the school, and the placement cannot be completed.
 * - Grades: one four-level scheme (优秀 / 良好 / 合格 / 不合格) for the enterprise mentor's and the
 *   school supervisor's evaluations and the overall result. The overall result is the lower grade
 *   when either is 不合格, else the mean of the two on a 4-3-2-1 scale rounded towards the lower
 *   grade (优秀 + 良好 → 良好); with one evaluation, that one's grade.
 * - Completion: 岗位实习 needs both evaluations on file, 认识实习 at least the school's.
 * Pure: dates are China calendar dates (`YYYY-MM-DD`), times ISO 8601.
 */
import {
  EVALUATION_GRADES,
  INJURY_INCIDENT_KINDS,
  type EvaluationGrade,
  type IncidentKind,
} from '@zhijiao/contracts';
import { addDays, chinaDate } from '../../platform/clock/clock.ts';
import { collector, type InternshipCheck, type InternshipType } from './internship-post.rules.ts';

/** Days after a placement's end during which an incident of its period may still be reported. */
export const INCIDENT_REPORT_DAYS_AFTER_END = 30;

/** A problem with an incident report or evaluation as given: the field, a code, zh and en. */
export interface FieldProblem {
  field: string;
  code: string;
  zh: string;
  en: string;
}

/** The placement as the incident and evaluation rules read it. */
export interface PlacementPeriod {
  state: 'draft' | 'active' | 'completed' | 'terminated';
  startsOn: string;
  endsOn: string;
  /** The day it ended (completed or terminated), else null. */
  endedOn: string | null;
}

/** The policy on file, as the placement holds it. */
export interface PolicyOnFile {
  insurer: string | null;
  policyNumber: string | null;
  insuranceStartsOn: string | null;
  insuranceEndsOn: string | null;
}

/** Whether the kind is an injury, for which the insurer must be notified. */
export function isInjury(kind: IncidentKind): boolean {
  return (INJURY_INCIDENT_KINDS as readonly IncidentKind[]).includes(kind);
}

/**
 * The incident's files already in use by the module — a placement's agreement, consent form or
 * insurance policy, or another incident's file — one problem each, naming `fileIds.<i>`: attaching
 * them would let whoever reads the incident (the host enterprise too) read the student's papers.
 */
export function incidentFileProblems(fileIds: readonly string[], inUse: ReadonlySet<string>): FieldProblem[] {
  return fileIds.flatMap((id, i) =>
    inUse.has(id)
      ? [
          {
            field: `fileIds.${i}`,
            code: 'FILE_UNKNOWN',
            zh: '该附件已是实习协议、知情同意书、保险单或其他事故报告的附件，请重新上传',
            en: 'This file is already a placement’s agreement, consent form or policy, or another incident’s file: upload it anew',
          },
        ]
      : [],
  );
}

/**
 * Who may record the insurer's notification of an incident: the school, which handles the
 * student's insurance claim (《职业学校学生实习管理规定》: the school and the enterprise handle an
 * incident; the school insures the student), or the party that reported the incident.
 */
export function mayNotifyInsurer(
  party: 'school' | 'enterprise' | null,
  reportedByParty: 'school' | 'enterprise',
): boolean {
  return party === 'school' || (party !== null && party === reportedByParty);
}

/** The last day an incident of the placement may have happened: its end, or the day it ended early. */
function lastDay(p: PlacementPeriod): string {
  return p.endedOn !== null && p.endedOn < p.endsOn ? p.endedOn : p.endsOn;
}

/**
 * Whether an incident may be reported on the placement today: it runs, or it ended no more than
 * `INCIDENT_REPORT_DAYS_AFTER_END` days ago. Null when it may, else the reason.
 *
 * @example incidentWindowProblem({ state: 'draft', … }, '2024-05-01') // { code: 'PLACEMENT_NOT_STARTED', … }
 */
export function incidentWindowProblem(p: PlacementPeriod, today: string): FieldProblem | null {
  if (p.state === 'draft')
    return {
      field: 'placement',
      code: 'PLACEMENT_NOT_STARTED',
      zh: '实习尚未启动，不能报告实习事故',
      en: 'The placement has not started: no incident can be reported on it',
    };
  if (p.state === 'active') return null;
  const until = addDays(p.endedOn ?? p.endsOn, INCIDENT_REPORT_DAYS_AFTER_END);
  if (today > until)
    return {
      field: 'placement',
      code: 'REPORT_WINDOW_CLOSED',
      zh: `实习已于 ${p.endedOn ?? p.endsOn} 结束，结束 ${INCIDENT_REPORT_DAYS_AFTER_END} 日后（${until} 以后）不能再补报实习事故`,
      en: `The placement ended on ${p.endedOn ?? p.endsOn}; incidents may be reported until ${until} (${INCIDENT_REPORT_DAYS_AFTER_END} days after)`,
    };
  return null;
}

/**
 * What is wrong with an incident's times: it happened within the placement's period (to the day
 * it ended, if early) and not after `now`; the insurer was notified after it happened and not after
 * `now`. An empty list when all is in order.
 */
export function incidentTimeProblems(
  p: PlacementPeriod,
  input: { occurredAt: string; insurerNotifiedAt: string | null },
  now: Date,
): FieldProblem[] {
  const out: FieldProblem[] = [];
  const occurred = new Date(input.occurredAt);
  const notifiedAt = input.insurerNotifiedAt === null ? null : new Date(input.insurerNotifiedAt);
  // The schema checks the format; a time it lets through that is no time (month 13) is refused here.
  const unreadable = [
    ...(Number.isNaN(occurred.getTime()) ? ['occurredAt'] : []),
    ...(notifiedAt && Number.isNaN(notifiedAt.getTime()) ? ['insurerNotifiedAt'] : []),
  ];
  if (unreadable.length > 0)
    return unreadable.map((field) => ({
      field,
      code: 'INVALID_DATE_TIME',
      zh: '时间格式不正确',
      en: 'Not a valid date and time',
    }));
  const day = chinaDate(occurred);
  const last = lastDay(p);
  if (occurred.getTime() > now.getTime())
    out.push({
      field: 'occurredAt',
      code: 'IN_FUTURE',
      zh: '事故发生时间不能晚于当前时间',
      en: 'The incident cannot have happened in the future',
    });
  else if (day < p.startsOn || day > last)
    out.push({
      field: 'occurredAt',
      code: 'OUTSIDE_PERIOD',
      zh: `事故发生日 ${day} 不在实习期 ${p.startsOn} 至 ${last} 内`,
      en: `The incident's date ${day} is outside the placement, ${p.startsOn} to ${last}`,
    });
  if (notifiedAt !== null) {
    const notified = notifiedAt.getTime();
    if (notified > now.getTime())
      out.push({
        field: 'insurerNotifiedAt',
        code: 'IN_FUTURE',
        zh: '报保险公司的时间不能晚于当前时间',
        en: 'The insurer cannot have been notified in the future',
      });
    else if (notified < occurred.getTime())
      out.push({
        field: 'insurerNotifiedAt',
        code: 'BEFORE_INCIDENT',
        zh: '报保险公司的时间早于事故发生时间',
        en: 'The insurer was notified before the incident happened',
      });
  }
  return out;
}

/**
 * The policy on file that covered the incident's day (China date), as the report keeps it, or
 * null when none did (no policy, or its period does not hold the day).
 *
 * @example incidentCover({ insurer: '人保', policyNumber: 'P1', insuranceStartsOn: '2024-03-01', insuranceEndsOn: '2024-08-31' }, '2024-04-02T01:00:00Z')
 * // { insurer: '人保', policyNumber: 'P1' }
 */
export function incidentCover(
  policy: PolicyOnFile,
  occurredAt: string,
): { insurer: string; policyNumber: string } | null {
  const day = chinaDate(new Date(occurredAt));
  const { insurer, policyNumber, insuranceStartsOn: from, insuranceEndsOn: to } = policy;
  if (!insurer || !policyNumber || !from || !to) return null;
  return day >= from && day <= to ? { insurer, policyNumber } : null;
}

/** An evaluation's date: within the placement's days, and not after today. */
export function evaluationDateProblem(
  p: PlacementPeriod,
  evaluatedOn: string,
  today: string,
): FieldProblem | null {
  if (evaluatedOn > today)
    return {
      field: 'evaluatedOn',
      code: 'IN_FUTURE',
      zh: `评价日期 ${evaluatedOn} 晚于今天`,
      en: `The evaluation date ${evaluatedOn} is after today`,
    };
  if (evaluatedOn < p.startsOn)
    return {
      field: 'evaluatedOn',
      code: 'BEFORE_START',
      zh: `评价日期 ${evaluatedOn} 早于实习开始日 ${p.startsOn}`,
      en: `The evaluation date ${evaluatedOn} is before the placement starts (${p.startsOn})`,
    };
  return null;
}

/** What completing a placement reads. */
export interface CompletionFacts {
  type: InternshipType;
  evaluations: { school: EvaluationGrade | null; enterprise: EvaluationGrade | null };
  /** Injury incidents whose insurer notification is not on file. */
  unnotifiedInjuries: number;
}

/**
 * Everything that stops a running placement from being recorded as completed, in order: the
 * enterprise mentor's evaluation (岗位实习), the school supervisor's (both kinds), and any injury
 * not yet reported to the insurer.
 *
 * @example
 * checkCompletion({ type: 'post', evaluations: { school: 'good', enterprise: null }, unnotifiedInjuries: 0 })
 * // { ok: false, refusals: [{ code: 'ENTERPRISE_EVALUATION_MISSING', field: 'evaluations.enterprise', … }], warnings: [] }
 */
export function checkCompletion(f: CompletionFacts): InternshipCheck {
  const c = collector();
  if (f.type === 'post' && f.evaluations.enterprise === null)
    c.refuse(
      'ENTERPRISE_EVALUATION_MISSING',
      'evaluations.enterprise',
      '岗位实习须有实习单位（企业指导教师）的考核评价',
      'A 岗位实习 needs the enterprise mentor’s evaluation on file',
    );
  if (f.evaluations.school === null)
    c.refuse(
      'SCHOOL_EVALUATION_MISSING',
      'evaluations.school',
      '缺少学校指导教师的考核评价',
      'The school supervisor’s evaluation is not on file',
    );
  if (f.unnotifiedInjuries > 0)
    c.refuse(
      'INCIDENT_INSURER_NOT_NOTIFIED',
      'incidents',
      `有 ${f.unnotifiedInjuries} 起实习伤害事故尚未报保险公司`,
      `${f.unnotifiedInjuries} injury incident(s) not yet reported to the insurer`,
    );
  return c.result();
}

const POINTS: Record<EvaluationGrade, number> = { excellent: 4, good: 3, pass: 2, fail: 1 };

/**
 * The overall result the completion keeps: 不合格 when either evaluation is, else the mean of the
 * grades rounded towards the lower one; with one evaluation, its grade; null with none.
 *
 * @example overallResult({ school: 'excellent', enterprise: 'good' }) // 'good'
 */
export function overallResult(e: {
  school: EvaluationGrade | null;
  enterprise: EvaluationGrade | null;
}): EvaluationGrade | null {
  const grades = [e.school, e.enterprise].filter((g): g is EvaluationGrade => g !== null);
  if (grades.length === 0) return null;
  if (grades.includes('fail')) return 'fail';
  const mean = Math.floor(grades.reduce((n, g) => n + POINTS[g], 0) / grades.length);
  return EVALUATION_GRADES.find((g) => POINTS[g] === mean)!;
}
