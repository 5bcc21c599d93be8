import { DQ_LEVEL_LABELS, type DqLevel } from '@zhijiao/contracts';
import type { Notice } from '../../platform/notifications/index.ts';

/** What a notice about an application needs to know of it. */
interface DecidedApplication {
  id: string;
  schoolId: string;
  teacherName: string;
  level: DqLevel;
}

/**
 * The notice to the school that the district decided its teacher's 双师型 application: approved
 * (认定) or refused with the reason. It names the teacher, whom the school's clerks see anyway,
 * and never an ID number.
 *
 * @example dqDecisionNotice(application, { approved: false, reason: '企业实践时长不足' })
 */
export function dqDecisionNotice(
  application: DecidedApplication,
  decision: { approved: boolean; reason: string },
): Notice {
  const level = DQ_LEVEL_LABELS[application.level];
  const name = application.teacherName;
  return {
    unitId: application.schoolId,
    kind: decision.approved ? 'dq_application.approved' : 'dq_application.refused',
    title: decision.approved
      ? {
          zh: `${name}的${level.zh}双师型教师认定申请已通过`,
          en: `${name}: ${level.en.toLowerCase()} dual-qualified teacher application approved`,
        }
      : {
          zh: `${name}的${level.zh}双师型教师认定申请未获认定`,
          en: `${name}: ${level.en.toLowerCase()} dual-qualified teacher application refused`,
        },
    body: decision.reason ? { zh: `理由：${decision.reason}`, en: `Reason: ${decision.reason}` } : null,
    link: `/teachers/dq?queue=all&open=${application.id}`,
    object: { type: 'dq_application', id: application.id },
  };
}
