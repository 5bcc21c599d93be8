import type { ReportState } from '@zhijiao/contracts';
import { defineWorkflow } from '../../platform/workflow/workflow.ts';
import { mayEditReport, mayReviewReport } from './action-plans.policy.ts';

/** What the report workflow's rules read of a report. */
export interface ReportFacts {
  orgUnitId: string;
  createdBy: string | null;
}

type ReportStep = 'create' | 'edit' | 'submit' | 'approve' | 'return';

/** A report as the workflow moves it. */
export type ReportSubject = ReportFacts & { id: string; state: ReportState };

/**
 * A progress report's life: a responsible unit writes it (draft), edits it while it is a draft
 * or returned and submits it; a reviewer approves it or returns it with a comment. Every step
 * writes a history row (`progress_report_event`) and an audit row (`progress.<action>`).
 * `create` is never a move: `createReport` inserts the draft and records the step.
 */
export const reportWorkflow = defineWorkflow<ReportState, ReportFacts, ReportStep>({
  table: 'progressReport',
  history: { table: 'progressReportEvent', key: 'reportId' },
  auditPrefix: 'progress',
  objectType: 'progress_report',
  conflict: 'PROGRESS_INVALID_TRANSITION',
  steps: {
    create: { from: [], to: 'draft', may: mayEditReport, action: 'created' },
    edit: { from: ['draft', 'returned'], may: mayEditReport, action: 'updated' },
    submit: { from: ['draft', 'returned'], to: 'submitted', may: mayEditReport, action: 'submitted' },
    approve: { from: ['submitted'], to: 'approved', may: mayReviewReport, action: 'approved' },
    return: { from: ['submitted'], to: 'returned', may: mayReviewReport, action: 'returned' },
  },
});
