import type { Notice } from '../../platform/notifications/index.ts';
import { periodLabelEn } from './periods.ts';

/** What a notice about a report needs to know of it. */
interface ReviewedReport {
  id: string;
  orgUnitId: string;
  taskId: string;
  taskLabel: string;
  taskTitle: string;
  periodLabel: string;
}

/**
 * The notice to the reporting unit that the coordinator approved (通过) or returned (退回) its
 * report: an approved one links to its task, a returned one to its form to correct it.
 *
 * @example reportReviewedNotice(row, { approved: false, comment: '请补充佐证材料' })
 */
export function reportReviewedNotice(
  report: ReviewedReport,
  review: { approved: true } | { approved: false; comment: string },
): Notice {
  const subject = `${report.taskLabel}${report.taskTitle}（${report.periodLabel}）`;
  const subjectEn = `task ${report.taskLabel}, ${periodLabelEn(report.periodLabel)}`;
  return {
    unitId: report.orgUnitId,
    kind: review.approved ? 'progress_report.approved' : 'progress_report.returned',
    title: review.approved
      ? { zh: `进展报告已通过：${subject}`, en: `Progress report approved: ${subjectEn}` }
      : { zh: `进展报告被退回：${subject}`, en: `Progress report returned: ${subjectEn}` },
    body: review.approved
      ? null
      : { zh: `退回意见：${review.comment}`, en: `Reviewer’s comment: ${review.comment}` },
    link: review.approved ? `/tasks/${report.taskId}` : `/progress/${report.id}/edit`,
    object: { type: 'progress_report', id: report.id },
  };
}
