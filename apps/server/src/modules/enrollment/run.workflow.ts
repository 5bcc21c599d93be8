import { defineWorkflow } from '../../platform/workflow/workflow.ts';
import { canManageSeason } from './enrollment.policy.ts';

/**
 * A matching run (投档录取) of a batch: created as a draft by the match job, reviewed (审核), then
 * published (公布), which stores its placements. Only 招生办 of the season's district moves it.
 * The abilities (`review`, `publish`) are what the run page offers.
 *
 * @example await runWorkflow.apply(deps, trx, 'review', actor, { ...run, districtId }, { set: { reviewedBy } });
 */
export const runWorkflow = defineWorkflow({
  table: 'enrollmentRun',
  auditPrefix: 'enrollment.run',
  objectType: 'enrollment_run',
  conflict: 'ENROLLMENT_RUN_STATE',
  // Runs keep their own review and publication times.
  stampColumn: null,
  steps: {
    review: { from: ['draft'], to: 'reviewed', may: canManageSeason, action: 'review' },
    publish: { from: ['reviewed'], to: 'published', may: canManageSeason, action: 'publish' },
  },
});
