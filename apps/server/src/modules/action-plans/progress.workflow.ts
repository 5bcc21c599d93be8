import type { ReportState } from '@zhijiao/contracts';
import { defineWorkflow, type Authored } from '../../platform/workflow/workflow.ts';
import { canReview, mayEditReport } from './action-plans.policy.ts';

/**
 * What the report workflow's rules read of a report: its unit, and everyone who wrote, edited or
 * submitted it (from its history: `reportWorkflow.authorsOf`).
 */
export interface ReportFacts extends Authored {
  orgUnitId: string;
}

type ReportStep = 'create' | 'edit' | 'submit' | 'withdraw' | 'approve' | 'return';

/** A report as the workflow moves it. */
export type ReportSubject = ReportFacts & { id: string; state: ReportState };

/**
 * A progress report's life: a responsible unit writes it (draft), edits it while it is a draft
 * or returned and submits it; while it waits for review (submitted, no reviewer has decided) its
 * unit may withdraw it (撤回) back to a draft; a reviewer approves it or returns it with a comment — never one who
 * created, edited or submitted it (any account of the unit may write its report, and a coordinator
 * reports for the bureau too). Every step writes a history row (`progress_report_event`) and an
 * audit row (`progress.<action>`); the authoring steps' rows say who the authors are.
 * `create` is never a move: `createReport` inserts the draft and records the step.
 */
export const reportWorkflow = defineWorkflow<ReportState, ReportFacts, ReportStep>({
  table: 'progressReport',
  history: { table: 'progressReportEvent', key: 'reportId' },
  auditPrefix: 'progress',
  objectType: 'progress_report',
  conflict: 'PROGRESS_INVALID_TRANSITION',
  steps: {
    create: { from: [], to: 'draft', may: mayEditReport, action: 'created', authors: true },
    edit: { from: ['draft', 'returned'], may: mayEditReport, action: 'updated', authors: true },
    submit: {
      from: ['draft', 'returned'],
      to: 'submitted',
      may: mayEditReport,
      action: 'submitted',
      authors: true,
    },
    withdraw: {
      from: ['submitted'],
      to: 'draft',
      may: mayEditReport,
      action: 'withdrawn',
      conflict: 'PROGRESS_NOT_WITHDRAWABLE',
    },
    approve: {
      from: ['submitted'],
      to: 'approved',
      may: canReview,
      action: 'approved',
      reviews: true,
    },
    return: { from: ['submitted'], to: 'returned', may: canReview, action: 'returned', reviews: true },
  },
});
